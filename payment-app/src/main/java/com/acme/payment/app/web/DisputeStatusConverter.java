package com.acme.payment.app.web;

import com.acme.payment.domain.model.DisputeStatus;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/** Query parameters spell dispute statuses as Stripe does ({@code needs_response}). */
@Component
class DisputeStatusConverter implements Converter<String, DisputeStatus> {

    @Override
    public DisputeStatus convert(String apiName) {
        return DisputeStatus.fromApiName(apiName);
    }
}
