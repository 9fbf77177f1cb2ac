package com.acme.payment.domain.port.in;

import com.acme.payment.domain.model.Payment;
import com.acme.payment.domain.query.PaymentFilter;
import java.util.function.Consumer;

public interface ExportPaymentsUseCase {

    /** Hands every payment the filter selects to {@code each}, one at a time, in the filter's order. */
    void export(PaymentFilter filter, Consumer<Payment> each);
}
