package com.lightningpos.hub.schema;

import com.lightningpos.hub.api.AdminApi;
import com.lightningpos.hub.api.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Schema rollout for automation (see CONTRACT.md: {@code PUT /api/admin/schema/required}). */
@RestController
@AdminApi
@RequestMapping("/api/admin/schema")
@Tag(name = "Schema rollout")
class SchemaController {

    private final SchemaRolloutService rollout;

    SchemaController(SchemaRolloutService rollout) {
        this.rollout = rollout;
    }

    record RequiredRequest(Integer version, Integer minUploadVersion) {
    }

    record CanaryRequest(Integer version) {
    }

    @GetMapping
    SchemaStatus status() {
        return rollout.status();
    }

    @GetMapping("/shops-below")
    @Operation(summary = "Active shops that a raise to this version would tell to update")
    List<ShopVersion> shopsBelow(@RequestParam int version, @RequestParam(defaultValue = "false") boolean canaryOnly) {
        return rollout.shopsBelow(version, canaryOnly);
    }

    @PutMapping("/required")
    @Operation(summary = "Raise the version shops must run to download the catalog")
    SchemaStatus raiseRequired(@RequestBody RequiredRequest request) {
        if (request == null || request.version() == null) {
            throw ProblemException.validation("version: required");
        }
        return rollout.raiseRequired(request.version(), request.minUploadVersion());
    }

    @DeleteMapping("/canary")
    @Operation(summary = "Call a canary rollout off: canary shops are no longer asked for the canary version")
    SchemaStatus cancelCanary() {
        return rollout.cancelCanary();
    }

    @PutMapping("/canary")
    @Operation(summary = "Require a version of canary shops first")
    SchemaStatus raiseCanary(@RequestBody CanaryRequest request) {
        if (request == null || request.version() == null) {
            throw ProblemException.validation("version: required");
        }
        return rollout.raiseCanary(request.version());
    }
}
