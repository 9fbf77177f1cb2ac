package com.acme.payment.app.web.dto;

import java.util.List;

public record PaymentConfig(String mode, String publishableKey, List<CurrencyInfo> currencies,
                            List<ServiceType> serviceTypes, int pollIntervalMs, List<TestCard> testCards,
                            String checkout) {

    public record CurrencyInfo(String code, int exponent, long minimumAmount, long maximumAmount) {
    }

    public record ServiceType(String id, String label) {
    }

    public record TestCard(String number, String description) {
    }
}
