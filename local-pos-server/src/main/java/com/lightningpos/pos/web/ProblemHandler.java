package com.lightningpos.pos.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Turns every refusal into an RFC 9457 problem document with a {@code code} property. Ordered first:
 * Spring Boot's own problem-details advice would otherwise answer some errors (malformed JSON) with
 * an empty body and no code.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(ApiException.class)
    ProblemDetail refused(ApiException e) {
        return problem(e.status(), e.code(), e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        return problem(HttpStatus.BAD_REQUEST, "malformed_json", "The request body is not valid JSON for this call.");
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalid(MethodArgumentNotValidException e) {
        var first = e.getBindingResult().getFieldErrors().stream().findFirst();
        String detail = first.map(f -> f.getField() + " " + f.getDefaultMessage()).orElse("The request is not valid.");
        return problem(HttpStatus.BAD_REQUEST, "validation_failed", detail);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return problem(HttpStatus.BAD_REQUEST, "validation_failed", "Parameter " + e.getName() + " has a wrong value.");
    }

    /**
     * Anything else still answers a problem document with a code. Spring's own 4xx (unknown path,
     * wrong method, missing parameter) keep their status; the rest is a 500 that is logged in full.
     */
    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        if (e instanceof ErrorResponse known && !known.getStatusCode().is5xxServerError()) {
            HttpStatus status = HttpStatus.valueOf(known.getStatusCode().value());
            String code = status == HttpStatus.NOT_FOUND ? "not_found" : "bad_request";
            String detail = known.getBody().getDetail();
            return problem(status, code, detail != null ? detail : status.getReasonPhrase());
        }
        log.error("Request failed", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error",
                "The till could not complete this request and saved nothing of it. Try again; if it keeps failing, call support.");
    }

    public static ProblemDetail problem(HttpStatus status, String code, String detail) {
        if (status.is5xxServerError()) {
            log.error("{}: {}", code, detail);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status.getReasonPhrase());
        problem.setProperty("code", code);
        return problem;
    }
}
