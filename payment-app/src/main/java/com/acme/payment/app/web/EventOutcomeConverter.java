package com.acme.payment.app.web;

import com.acme.payment.domain.model.LoggedEventOutcome;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/** The events list's {@code outcome} filter is spelled as the API writes it ({@code not_applied}). */
@Component
class EventOutcomeConverter implements Converter<String, LoggedEventOutcome> {

    @Override
    public LoggedEventOutcome convert(String apiName) {
        return LoggedEventOutcome.fromApiName(apiName);
    }
}
