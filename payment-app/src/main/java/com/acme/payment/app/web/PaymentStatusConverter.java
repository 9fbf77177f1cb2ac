package com.acme.payment.app.web;

import com.acme.payment.domain.model.PaymentStatus;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/** Query parameters spell statuses as the API does ({@code partially_refunded}); the enum is their one list. */
@Component
class PaymentStatusConverter implements Converter<String, PaymentStatus> {

    @Override
    public PaymentStatus convert(String apiName) {
        return PaymentStatus.fromApiName(apiName);
    }
}
