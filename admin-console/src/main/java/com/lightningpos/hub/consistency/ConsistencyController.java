package com.lightningpos.hub.consistency;

import com.lightningpos.etl.sync.ConsistencyComparison;
import com.lightningpos.hub.api.AdminApi;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/admin/consistency[?shopId=]}: the latest three-tier results and whether a check of
 * all shops is running; {@code POST /api/admin/consistency/check[?shopId=]}: checks one shop now
 * (200 with its comparison) or starts a check of all shops in the background (202).
 */
@RestController
@AdminApi
@RequestMapping("/api/admin/consistency")
@Tag(name = "Consistency")
class ConsistencyController {

    private final ConsistencyService consistency;

    ConsistencyController(ConsistencyService consistency) {
        this.consistency = consistency;
    }

    record Results(int differingTables, ConsistencyService.CheckAllProgress checkAll, List<ConsistencyResult> results) {
    }

    @GetMapping
    Results results(@RequestParam(required = false) UUID shopId) {
        List<ConsistencyResult> results = consistency.results(shopId);
        int differing = (int) results.stream().filter(ConsistencyResult::differs).count();
        return new Results(differing, consistency.progress(), results);
    }

    @PostMapping("/check")
    ResponseEntity<?> check(@RequestParam(required = false) UUID shopId) {
        if (shopId != null) {
            ConsistencyComparison comparison = consistency.checkShop(shopId);
            return ResponseEntity.ok(comparison);
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("checkAll", consistency.startCheckAll()));
    }
}
