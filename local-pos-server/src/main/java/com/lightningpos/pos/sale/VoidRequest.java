package com.lightningpos.pos.sale;

public record VoidRequest(String reason) {
}
