package com.lightningpos.etl.simulation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the cashiers saw committed, kept outside every database: the reference the end state is
 * compared with. Receipt numbers are checked for uniqueness as each sale commits.
 */
final class Ledger {

    /** An order the till confirmed (a sale or a refund); {@code voided} once a void committed. */
    static final class Order {
        final String shopId;
        final String id;
        final long receiptNo;
        final String kind;
        final String refundOf;
        final long totalCents;
        final int lines;
        final long paidCents;
        boolean voided;
        boolean refunded;

        Order(String shopId, String id, long receiptNo, String kind, String refundOf, long totalCents, int lines, long paidCents) {
            this.shopId = shopId;
            this.id = id;
            this.receiptNo = receiptNo;
            this.kind = kind;
            this.refundOf = refundOf;
            this.totalCents = totalCents;
            this.lines = lines;
            this.paidCents = paidCents;
        }
    }

    private final Map<String, Map<String, Order>> orders = new LinkedHashMap<>();
    private final Map<String, Map<Long, String>> receipts = new HashMap<>();
    private final Violations violations;

    Ledger(Violations violations) {
        this.violations = violations;
    }

    void committed(Order order) {
        String previous = receipts.computeIfAbsent(order.shopId, s -> new HashMap<>()).putIfAbsent(order.receiptNo, order.id);
        if (previous != null && !previous.equals(order.id)) {
            violations.add("receipt-unique", "shop " + order.shopId + " gave receipt number " + order.receiptNo
                    + " to order " + order.id + " and to order " + previous);
        }
        orders.computeIfAbsent(order.shopId, s -> new LinkedHashMap<>()).put(order.id, order);
        if (order.refundOf != null) {
            Order original = find(order.shopId, order.refundOf);
            if (original != null) {
                original.refunded = true;
            }
        }
    }

    Order find(String shopId, String orderId) {
        return orders.getOrDefault(shopId, Map.of()).get(orderId);
    }

    List<Order> of(String shopId) {
        return new ArrayList<>(orders.getOrDefault(shopId, Map.of()).values());
    }

    int count() {
        return orders.values().stream().mapToInt(Map::size).sum();
    }
}
