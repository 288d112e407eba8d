package com.lightningpos.pos.expense;

/** Body of {@code POST /api/expenses}; {@code paidFromTill} defaults to true. */
public record ExpenseRequest(String category, String description, Long amountCents, Boolean paidFromTill,
        String createdBy) {
}
