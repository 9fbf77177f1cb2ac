package com.acme.payment.domain.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a customer can pay for and in which currencies; configured per deployment.
 *
 * @param serviceTypes id to label, in display order
 */
public record PaymentCatalog(Map<String, String> serviceTypes, List<String> currencies) {

    public PaymentCatalog {
        if (serviceTypes.isEmpty() || currencies.isEmpty()) {
            throw new IllegalArgumentException("at least one service type and one currency are needed");
        }
        currencies.stream().filter(currency -> !StripeCurrencies.isChargeable(currency)).findFirst()
                .ifPresent(currency -> {
                    throw new IllegalArgumentException("currency cannot be charged: " + currency);
                });
        serviceTypes = Collections.unmodifiableMap(new LinkedHashMap<>(serviceTypes));
        currencies = List.copyOf(currencies);
    }

    public void requireServiceType(String serviceType) {
        if (!serviceTypes.containsKey(serviceType)) {
            throw new InvalidPaymentRequestException("serviceType", "unknown service type: " + serviceType);
        }
    }

    public Money requireChargeable(long amount, String currency) {
        if (!currencies.contains(currency)) {
            throw new InvalidAmountException("currency", "currency " + currency + " is not accepted here");
        }
        return Money.charge(amount, currency);
    }
}
