package com.lightningpos.pos.sale;

import com.lightningpos.pos.shop.WriteStamps;
import com.lightningpos.pos.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/orders")
class OrderController {

    private final SaleService sales;
    private final RefundService refunds;
    private final VoidService voids;
    private final OrderQueries orders;
    private final WriteStamps stamps;

    OrderController(SaleService sales, RefundService refunds, VoidService voids, OrderQueries orders,
            WriteStamps stamps) {
        this.sales = sales;
        this.refunds = refunds;
        this.voids = voids;
        this.orders = orders;
        this.stamps = stamps;
    }

    @PostMapping
    @Operation(summary = "Record a paid sale (201); the same id again answers the recorded sale (200) and writes nothing")
    ResponseEntity<Order> create(@RequestBody OrderRequest request) {
        return respond(sales.create(request));
    }

    @GetMapping
    @Operation(summary = "This shop's orders, newest first; q = receipt number")
    OrderPage list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "20") int limit,
            @RequestParam(defaultValue = "0") int offset) {
        return orders.list(stamps.shopId(), q, limit, offset);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One order with its lines, payments and refunded quantities")
    Order get(@PathVariable String id) {
        return orders.find(id).orElseThrow(() -> ApiException.notFound("not_found", "There is no order " + id + "."));
    }

    @PostMapping("/{id}/refunds")
    @Operation(summary = "Refund lines of a sale (201; same refund id again: 200); capped at what is not yet refunded")
    ResponseEntity<Order> refund(@PathVariable String id, @RequestBody RefundRequest request) {
        return respond(refunds.refund(id, request));
    }

    @PostMapping("/{id}/void")
    @Operation(summary = "Void a sale: status voided, goods back in stock")
    Order voidOrder(@PathVariable String id, @RequestBody(required = false) VoidRequest request) {
        return voids.voidOrder(id, request);
    }

    private static ResponseEntity<Order> respond(SaleResult result) {
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK).body(result.order());
    }
}
