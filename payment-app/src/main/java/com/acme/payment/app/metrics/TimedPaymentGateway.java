package com.acme.payment.app.metrics;

import com.acme.payment.domain.model.Payment;
import com.acme.payment.domain.port.out.PaymentGateway;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.function.Supplier;

/** Times every gateway call by operation and outcome. */
public class TimedPaymentGateway implements PaymentGateway {

    private final PaymentGateway delegate;
    private final MeterRegistry meters;

    public TimedPaymentGateway(PaymentGateway delegate, MeterRegistry meters) {
        this.delegate = delegate;
        this.meters = meters;
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public GatewayIntent createIntent(Payment payment) {
        return timed("create_intent", () -> delegate.createIntent(payment));
    }

    @Override
    public GatewayIntent retrieveIntent(String reference) {
        return timed("retrieve_intent", () -> delegate.retrieveIntent(reference));
    }

    @Override
    public GatewayIntent cancelIntent(String reference) {
        return timed("cancel_intent", () -> delegate.cancelIntent(reference));
    }

    @Override
    public GatewayRefund refund(String reference, long amount, String idempotencyKey) {
        return timed("refund", () -> delegate.refund(reference, amount, idempotencyKey));
    }

    @Override
    public List<ListedRefund> listRefunds(String reference) {
        return timed("list_refunds", () -> delegate.listRefunds(reference));
    }

    private <T> T timed(String operation, Supplier<T> call) {
        Timer.Sample sample = Timer.start(meters);
        String outcome = "error";
        try {
            T result = call.get();
            outcome = "success";
            return result;
        } finally {
            sample.stop(Timer.builder("payment.gateway.calls").description("Payment gateway call latency")
                    .tag("gateway", delegate.name()).tag("operation", operation).tag("outcome", outcome)
                    .publishPercentileHistogram().register(meters));
        }
    }
}
