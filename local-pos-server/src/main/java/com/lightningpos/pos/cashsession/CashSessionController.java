package com.lightningpos.pos.cashsession;

import com.lightningpos.pos.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/cash-sessions")
class CashSessionController {

    private final CashSessionService sessions;

    CashSessionController(CashSessionService sessions) {
        this.sessions = sessions;
    }

    @GetMapping("/current")
    @Operation(summary = "The open register session (404 no_open_session when none)")
    Session current() {
        return sessions.current().orElseThrow(() -> ApiException.notFound("no_open_session", "No register session is open."));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Open the register with a float (409 session_already_open)")
    Session open(@RequestBody SessionRequests.Open request) {
        return sessions.open(request);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One register session")
    Session session(@PathVariable String id) {
        return sessions.session(id);
    }

    @PostMapping("/{id}/movements")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Cash in or out of the till, with a reason")
    Movement movement(@PathVariable String id, @RequestBody SessionRequests.AddMovement request) {
        return sessions.addMovement(id, request);
    }

    @GetMapping("/{id}/summary")
    @Operation(summary = "X report: the session's sales, refunds, tenders and expected cash so far")
    SessionSummary summary(@PathVariable String id) {
        return sessions.summary(id);
    }

    @PostMapping("/{id}/close")
    @Operation(summary = "Close the register with the counted cash: Z report with expected, counted and difference")
    SessionSummary close(@PathVariable String id, @RequestBody SessionRequests.Close request) {
        return sessions.close(id, request);
    }
}
