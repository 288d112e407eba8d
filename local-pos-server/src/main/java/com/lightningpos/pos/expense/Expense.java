package com.lightningpos.pos.expense;

/** Money the shop spent; {@code paidFromTill} expenses lower the register's expected cash. */
public record Expense(String id, String category, String description, long amountCents, boolean paidFromTill,
        String cashSessionId, String createdAt, String createdBy) {
}
