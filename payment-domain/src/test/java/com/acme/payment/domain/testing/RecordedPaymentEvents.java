package com.acme.payment.domain.testing;

import com.acme.payment.domain.model.PaymentChanged;
import com.acme.payment.domain.port.out.PaymentEvents;
import java.util.ArrayList;
import java.util.List;

/** Keeps what services announce; for unit tests of services. */
public final class RecordedPaymentEvents implements PaymentEvents {

    private final List<PaymentChanged> published = new ArrayList<>();

    @Override
    public void publish(PaymentChanged change) {
        published.add(change);
    }

    public List<PaymentChanged> published() {
        return List.copyOf(published);
    }
}
