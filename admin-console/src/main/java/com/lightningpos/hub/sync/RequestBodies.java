package com.lightningpos.hub.sync;

import com.lightningpos.etl.sync.SyncJson;
import com.lightningpos.etl.sync.SyncProtocol.Codes;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.HttpStatus;

/**
 * Reads a sync request body with a size bound (counted after gzip decoding, so a small
 * compressed bomb cannot fill the memory) and parses it with the protocol's JSON settings.
 */
final class RequestBodies {

    private RequestBodies() {
    }

    static <T> T read(HttpServletRequest request, long maxBytes, Class<T> type) {
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            long total = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
                if (total > maxBytes) {
                    throw new SyncApiException(HttpStatus.BAD_REQUEST, Codes.BATCH_TOO_LARGE,
                            "The request body is larger than " + maxBytes + " bytes; send smaller batches.");
                }
                out.write(buffer, 0, n);
            }
            body = out.toByteArray();
        } catch (IOException e) {
            throw malformed("The request body could not be read (" + e.getMessage() + ").");
        }
        if (body.length == 0) {
            throw malformed("The request body is empty.");
        }
        try {
            T value = SyncJson.read(body, type);
            if (value == null) {
                throw malformed("The request body is JSON null.");
            }
            return value;
        } catch (IOException e) {
            throw malformed("The request body is not valid JSON for this call: " + firstLine(e.getMessage()));
        }
    }

    private static SyncApiException malformed(String message) {
        return new SyncApiException(HttpStatus.BAD_REQUEST, Codes.MALFORMED_JSON, message);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
