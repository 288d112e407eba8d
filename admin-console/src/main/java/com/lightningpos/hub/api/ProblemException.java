package com.lightningpos.hub.api;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A failure a person or a script can act on, thrown by the console's services. The admin API
 * answers it as an RFC 9457 problem document with a machine-readable {@code code}; the views show
 * its message.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final List<String> errors;

    public ProblemException(HttpStatus status, String code, String message, List<String> errors) {
        super(message);
        this.status = status;
        this.code = code;
        this.errors = List.copyOf(errors);
    }

    public ProblemException(HttpStatus status, String code, String message) {
        this(status, code, message, List.of());
    }

    public static ProblemException validation(String message) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "validation_failed", message);
    }

    public static ProblemException validation(String message, List<String> errors) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "validation_failed", message, errors);
    }

    public static ProblemException notFound(String message) {
        return new ProblemException(HttpStatus.NOT_FOUND, "not_found", message);
    }

    public static ProblemException conflict(String code, String message) {
        return new ProblemException(HttpStatus.CONFLICT, code, message);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** Individual problems behind the message (e.g. one per invalid field or CSV line). */
    public List<String> errors() {
        return errors;
    }
}
