package com.acme.payment.domain.port.out;

import com.acme.payment.domain.model.Payment;
import com.acme.payment.domain.model.PaymentStatus;
import java.util.List;

/**
 * The card processor (Stripe, or the offline sandbox). Calls go over the network: never call it
 * inside a database transaction. Failures are {@link com.acme.payment.domain.model.GatewayException}.
 */
public interface PaymentGateway {

    /** "stripe" or "sandbox"; stored on each payment. */
    String name();

    /** Creates the gateway's payment intent. Idempotent per payment id: a retry returns the same intent. */
    GatewayIntent createIntent(Payment payment);

    GatewayIntent retrieveIntent(String reference);

    GatewayIntent cancelIntent(String reference);

    /**
     * Refunds part or all of the captured amount.
     *
     * @param idempotencyKey the same key never refunds twice
     */
    GatewayRefund refund(String reference, long amount, String idempotencyKey);

    /** Every refund the gateway has on the intent, whatever made it: what settles a refund whose answer was lost. */
    List<ListedRefund> listRefunds(String reference);

    /**
     * The gateway's view of an intent.
     *
     * @param status mapped onto the domain's statuses
     */
    record GatewayIntent(
            String reference,
            String clientSecret,
            PaymentStatus status,
            String transactionId,
            String failureCode,
            String failureMessage,
            long refundedTotal) {
    }

    /** @param refundedTotal everything refunded on the charge so far, this refund included */
    record GatewayRefund(String refundId, long refundedTotal) {
    }

    /**
     * @param idempotencyKey what {@link #refund} was given, read back from the refund; null for one made elsewhere
     * @param failed         the gateway failed or canceled it
     * @param failureReason  the gateway's reason when failed; may be null
     * @param refundedTotal  everything refunded on the charge now
     */
    record ListedRefund(String refundId, String idempotencyKey, long amount, boolean failed, String failureReason,
                        long refundedTotal) {
    }
}
