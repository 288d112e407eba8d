package com.lightningpos.hub.alerts;

import com.lightningpos.hub.api.AdminApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/admin/alerts}: open alerts and the recently resolved ones, for monitoring scripts. */
@RestController
@AdminApi
@RequestMapping("/api/admin/alerts")
@Tag(name = "Alerts")
class AlertsController {

    private final AlertService alerts;

    AlertsController(AlertService alerts) {
        this.alerts = alerts;
    }

    record Alerts(int openCount, List<Alert> open, List<Alert> resolved) {
    }

    @GetMapping
    @Operation(summary = "Open alerts (critical first) and the newest resolved ones")
    Alerts list(@RequestParam(defaultValue = "50") int resolvedLimit) {
        List<Alert> resolved = alerts.recentlyResolved(resolvedLimit);
        List<Alert> open = alerts.open();
        return new Alerts(open.size(), open, resolved);
    }

    @PostMapping("/{id}/acknowledge")
    @Operation(summary = "Acknowledge an open alert (it stays open until its condition clears)")
    Alert acknowledge(@PathVariable long id) {
        return alerts.acknowledge(id);
    }
}
