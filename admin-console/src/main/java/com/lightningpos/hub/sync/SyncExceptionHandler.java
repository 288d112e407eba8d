package com.lightningpos.hub.sync;

import com.lightningpos.etl.sync.SyncProtocol.Codes;
import com.lightningpos.etl.sync.replica.BatchRejectedException;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Every refusal of the sync API as a problem document with a {@code code}. */
@RestControllerAdvice(assignableTypes = {SyncController.class, SyncAuthController.class, JoinSyncController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class SyncExceptionHandler {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SyncExceptionHandler.class);

    @ExceptionHandler(SyncApiException.class)
    ResponseEntity<ProblemDetail> refused(SyncApiException e) {
        return answer(e.status(), e.code(), e.getMessage(), e.properties());
    }

    @ExceptionHandler(BatchRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(BatchRejectedException e) {
        HttpStatus status = e.kind() == BatchRejectedException.Kind.FORBIDDEN ? HttpStatus.FORBIDDEN : HttpStatus.BAD_REQUEST;
        return answer(status, e.code(), e.getMessage(), Map.of());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> badParameter(MethodArgumentTypeMismatchException e) {
        return answer(HttpStatus.BAD_REQUEST, Codes.BAD_BATCH, "Parameter " + e.getName() + " has a wrong value.", Map.of());
    }

    /** Anything unexpected still answers a problem document here, never the console's error page. */
    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<ProblemDetail> unexpected(RuntimeException e) {
        log.error("Sync API failure", e);
        return answer(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error", "The hub could not complete the request; try again later.",
                Map.of());
    }

    static ResponseEntity<ProblemDetail> answer(HttpStatus status, String code, String message, Map<String, Object> properties) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(SyncProblems.of(status, code, message, properties));
    }
}
