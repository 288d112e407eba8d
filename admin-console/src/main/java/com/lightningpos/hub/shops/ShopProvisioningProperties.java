package com.lightningpos.hub.shops;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Provisioning settings. They sit under {@code hub.*} like the rest of the hub's settings, in a
 * record of their own so that this feature owns them.
 *
 * @param publicUrl         the hub's URL as shops reach it, put into the enrolment command; unset:
 *                          {@code http://localhost:<server port>}
 * @param enrolmentCodeTtl  how long an enrolment code may be used
 */
@ConfigurationProperties("hub")
public record ShopProvisioningProperties(
        String publicUrl,
        @DefaultValue("7d") Duration enrolmentCodeTtl) {
}
