package com.acme.payment.domain.port.in;

import com.acme.payment.domain.model.Customer;
import com.acme.payment.domain.model.Payment;
import com.acme.payment.domain.model.TypedText;
import java.util.Locale;
import java.util.Map;

/** A customer starts paying: the payment is stored, then the gateway's intent is created. */
public interface StartPaymentUseCase {

    Result start(Command command);

    /**
     * @param currency ISO 4217 code in either case (integrators write Stripe's {@code usd}); kept in upper case
     * @param idempotencyKey optional; the same key and request return the same payment
     */
    record Command(String name, String email, String serviceType, long amount, String currency,
                   String idempotencyKey, Map<String, String> metadata) {
        public Command {
            TypedText.require("name", name, Customer.MAX_NAME_LENGTH);
            TypedText.require("email", email, Customer.MAX_EMAIL_LENGTH);
            TypedText.require("Idempotency-Key", idempotencyKey);
            currency = currency == null ? null : currency.toUpperCase(Locale.ROOT);
        }
    }

    /** @param replayed true when an earlier request with the same idempotency key made the payment */
    record Result(Payment payment, String clientSecret, boolean replayed) {
    }
}
