package com.lightningpos.hub.sync;

import com.lightningpos.etl.sync.EnrolRequest;
import com.lightningpos.etl.sync.EnrolResponse;
import com.lightningpos.etl.sync.SyncProtocol;
import com.lightningpos.etl.sync.SyncProtocol.Codes;
import com.lightningpos.etl.sync.TokenRequest;
import com.lightningpos.etl.sync.TokenResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** The sync API's two calls without a token: enrolment and the token exchange. */
@RestController
class SyncAuthController {

    private static final long SMALL_BODY = 8 * 1024;

    private final ShopCredentialsService credentials;
    private final ShopRateLimiter rateLimiter;

    SyncAuthController(ShopCredentialsService credentials, ShopRateLimiter rateLimiter) {
        this.credentials = credentials;
        this.rateLimiter = rateLimiter;
    }

    @PostMapping(SyncProtocol.TOKEN)
    TokenResponse token(HttpServletRequest request) {
        TokenRequest body = RequestBodies.read(request, SMALL_BODY, TokenRequest.class);
        rateLimiter.check("token:" + body.shopId());
        return credentials.token(body);
    }

    @PostMapping(SyncProtocol.ENROL)
    EnrolResponse enrol(HttpServletRequest request,
                        @RequestHeader(value = SyncProtocol.SCHEMA_HEADER, required = false) String schemaVersion) {
        rateLimiter.check("enrol:" + request.getRemoteAddr());
        EnrolRequest body = RequestBodies.read(request, SMALL_BODY, EnrolRequest.class);
        if (body.enrolmentCode() == null || body.enrolmentCode().isBlank()) {
            throw new SyncApiException(HttpStatus.BAD_REQUEST, Codes.ENROLMENT_CODE_INVALID, "An enrolment code is required.");
        }
        return credentials.enrol(body.enrolmentCode(), SchemaGate.clientVersion(schemaVersion));
    }
}
