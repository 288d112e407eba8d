package com.lightningpos.pos.sale;

import com.lightningpos.pos.config.PosProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.stereotype.Component;

/** Checks the manager PIN that authorises price overrides; no PIN configured = no overrides. */
@Component
class ManagerPin {

    private final String pin;

    ManagerPin(PosProperties properties) {
        this.pin = properties.managerPin();
    }

    boolean accepts(String offered) {
        if (pin == null || pin.isBlank() || offered == null) {
            return false;
        }
        // Constant time, so the answer's timing does not reveal how many digits were right.
        return MessageDigest.isEqual(pin.getBytes(StandardCharsets.UTF_8), offered.getBytes(StandardCharsets.UTF_8));
    }
}
