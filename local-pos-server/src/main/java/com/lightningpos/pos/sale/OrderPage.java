package com.lightningpos.pos.sale;

import java.util.List;

public record OrderPage(List<Order> orders, int total) {
}
