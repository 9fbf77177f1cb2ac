package com.acme.payment.domain.model;

public class GatewayEventNotFoundException extends PaymentException {

    public GatewayEventNotFoundException(String eventId) {
        super("no gateway event " + eventId);
    }
}
