package com.acme.payment.app.config;

import com.acme.payment.app.web.dto.PaymentConfig;
import com.acme.payment.app.web.dto.PaymentConfig.CurrencyInfo;
import com.acme.payment.app.web.dto.PaymentConfig.ServiceType;
import com.acme.payment.app.web.dto.PaymentConfig.TestCard;
import com.acme.payment.domain.model.PaymentCatalog;
import com.acme.payment.domain.model.StripeCurrencies;
import java.util.List;

/** What {@code GET /api/payment/config} answers; fixed for the life of the process. */
public record PaymentPageSettings(PaymentConfig config) {

    public static PaymentPageSettings of(String mode, String publishableKey, PaymentCatalog catalog,
                                         int pollIntervalMs, List<TestCard> testCards, CheckoutFlow checkout) {
        List<CurrencyInfo> currencies = catalog.currencies().stream()
                .map(code -> new CurrencyInfo(code, StripeCurrencies.exponent(code),
                        StripeCurrencies.minimumCharge(code).orElseThrow(), StripeCurrencies.MAXIMUM_AMOUNT))
                .toList();
        List<ServiceType> serviceTypes = catalog.serviceTypes().entrySet().stream()
                .map(entry -> new ServiceType(entry.getKey(), entry.getValue()))
                .toList();
        return new PaymentPageSettings(new PaymentConfig(mode, publishableKey, currencies, serviceTypes,
                pollIntervalMs, testCards, checkout.apiName()));
    }
}
