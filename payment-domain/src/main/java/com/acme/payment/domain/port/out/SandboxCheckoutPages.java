package com.acme.payment.domain.port.out;

/**
 * The sandbox's imitation of Stripe's hosted checkout page: whoever holds a session's page address may pay in it,
 * as with Stripe. The card form is the sandbox's own ({@link SandboxCardPayments}), on the session's PaymentIntent.
 */
public interface SandboxCheckoutPages {

    /**
     * The session's page. While the session is open this makes its PaymentIntent, if it has none yet.
     *
     * @throws com.acme.payment.domain.model.PaymentNotFoundException when there is no such session
     */
    Page open(String sessionId);

    /**
     * @param clientSecret for the card form; null unless the session is open
     * @param successUrl   with the session id filled in
     */
    record Page(String sessionId, String paymentId, String clientSecret, String itemName, long amount, String currency,
                String status, String successUrl, String cancelUrl) {
    }
}
