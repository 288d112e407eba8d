package com.lightningpos.pos.expense;

import java.util.List;

public record ExpensePage(List<Expense> expenses, int total) {
}
