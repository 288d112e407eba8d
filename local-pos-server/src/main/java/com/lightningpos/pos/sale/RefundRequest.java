package com.lightningpos.pos.sale;

import java.math.BigDecimal;
import java.util.List;

/**
 * Body of {@code POST /api/orders/{id}/refunds}. The client makes the refund's id, so a retry is
 * recognised. No lines = everything not yet refunded. {@code method} defaults to cash.
 */
public record RefundRequest(String id, List<Line> lines, String method, String reason, String cashier) {

    public record Line(String lineId, BigDecimal quantity) {
    }
}
