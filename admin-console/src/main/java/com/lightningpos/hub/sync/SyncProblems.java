package com.lightningpos.hub.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/** RFC 9457 problem documents of the sync API, also for filters that answer before MVC runs. */
public final class SyncProblems {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SyncProblems() {
    }

    public static ProblemDetail of(HttpStatus status, String code, String detail, Map<String, Object> properties) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status.getReasonPhrase());
        problem.setProperty("code", code);
        properties.forEach(problem::setProperty);
        return problem;
    }

    /** Writes a problem straight to the servlet response (filters, entry points). */
    public static void write(HttpServletResponse response, HttpStatus status, String code, String detail, String path)
            throws IOException {
        ProblemDetail problem = of(status, code, detail, Map.of());
        problem.setInstance(URI.create(path));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        body.put("instance", path);
        body.putAll(problem.getProperties());
        JSON.writeValue(response.getOutputStream(), body);
    }
}
