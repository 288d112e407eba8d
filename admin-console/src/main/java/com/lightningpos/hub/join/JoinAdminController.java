package com.lightningpos.hub.join;

import com.lightningpos.hub.api.AdminApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Catalog proposals of joining tills and join progress, for head office's scripts. */
@RestController
@AdminApi
@RequestMapping("/api/admin")
@Tag(name = "Joining tills")
class JoinAdminController {

    private final ProposalService proposals;
    private final JoinProgressService progress;
    private final JoinService joins;

    JoinAdminController(ProposalService proposals, JoinProgressService progress, JoinService joins) {
        this.proposals = proposals;
        this.progress = progress;
        this.joins = joins;
    }

    record ProposalPage(List<ProposalRow> proposals, int total) {
    }

    @GetMapping("/proposals")
    @Operation(summary = "Catalog proposals of joining tills (status open, accepted, rejected or all; default open)")
    ProposalPage list(@RequestParam(defaultValue = "open") String status, @RequestParam(defaultValue = "100") int limit,
                      @RequestParam(defaultValue = "0") int offset) {
        ProposalStatus wanted = ProposalStatus.parse(status);
        return new ProposalPage(proposals.list(wanted, Math.max(0, offset), Math.max(1, Math.min(limit, 1000))),
                proposals.count(wanted));
    }

    @PostMapping("/proposals/{id}/accept")
    @Operation(summary = "Accept: the hub creates the item under the till's id; it reaches every shop")
    ProposalRow accept(@PathVariable long id) {
        return proposals.accept(id);
    }

    @PostMapping("/proposals/{id}/reject")
    @Operation(summary = "Reject: the hub writes a tombstone under the till's id, which removes it at the till")
    ProposalRow reject(@PathVariable long id) {
        return proposals.reject(id);
    }

    @GetMapping("/shops/{id}/join")
    @Operation(summary = "A joining shop's history upload: total, uploaded, remaining, ETA, catalog figures")
    JoinProgress join(@PathVariable UUID id) {
        return progress.require(id);
    }

    @PostMapping("/shops/{id}/join/undone")
    @Operation(summary = "Record that the till undid its join when it could not tell the hub itself")
    JoinProgress markUndone(@PathVariable UUID id) {
        progress.require(id);
        joins.markUndone(id);
        return progress.require(id);
    }
}
