package com.acme.payment.app.web.dto;

import java.util.List;

public record AdminPaymentPage(List<AdminPayment> items, int page, int size, long totalItems, int totalPages) {
}
