package com.lightningpos.hub.sales;

import com.lightningpos.hub.api.AdminApi;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Sales by day and shop for head office scripts (JSON, or CSV at {@code /sales.csv}). */
@RestController
@AdminApi
@RequestMapping("/api/admin")
@Tag(name = "Sales")
class SalesController {

    private final SalesReportService sales;

    SalesController(SalesReportService sales) {
        this.sales = sales;
    }

    record SalesRow(LocalDate day, UUID shopId, String shopName, long orders, long salesCents, long refunds,
                    long refundCents, long netCents) {
    }

    @GetMapping("/sales")
    List<SalesRow> report(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                          @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                          @RequestParam(required = false) UUID shopId) {
        return sales.byDayAndShop(new SalesFilter(from, to, shopId)).stream()
                .map(d -> new SalesRow(d.day(), d.shopId(), d.shopName(), d.orders(), d.salesCents(), d.refunds(),
                        d.refundCents(), d.netCents()))
                .toList();
    }

    @GetMapping("/sales.csv")
    void csv(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
             @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
             @RequestParam(required = false) UUID shopId, HttpServletResponse response) throws IOException {
        SalesFilter filter = new SalesFilter(from, to, shopId);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"sales-" + from + "-" + to + ".csv\"");
        sales.writeCsv(filter, new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
    }
}
