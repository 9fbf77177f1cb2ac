package com.acme.payment.app.metrics;

import com.acme.payment.app.events.PaymentChangeListener;
import com.acme.payment.domain.model.PaymentChanged;
import com.acme.payment.domain.model.StatusChange;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;

/** Counts payments started and status changes by status and source, from committed changes only. */
public class PaymentChangeMetrics implements PaymentChangeListener {

    private final MeterRegistry meters;
    private final Counter started;

    public PaymentChangeMetrics(MeterRegistry meters) {
        this.meters = meters;
        this.started = Counter.builder("payments.started").description("Payments started").register(meters);
    }

    @Override
    public void paymentChanged(PaymentChanged change) {
        if (change.created()) {
            started.increment();
        }
        change.changes().stream().filter(StatusChange::applied).filter(moved -> moved.from() != moved.to())
                .forEach(moved -> meters.counter("payment.status.changes", "status", moved.to().apiName(),
                        "source", moved.source().name().toLowerCase(Locale.ROOT)).increment());
    }
}
