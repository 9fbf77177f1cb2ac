package com.acme.payment.adapter.stripe;

/** Stripe API objects as Stripe writes them (API version 2026-07-29.dahlia), trimmed to realistic essentials. */
final class StripeJson {

    static final String INTENT_ID = "pi_3QhXk2LkdIwHu7ix0c7PZb1s";
    static final String CLIENT_SECRET = INTENT_ID + "_secret_vV3rnq0hT5zYqEBQ8GmHqRtcK";
    static final String CHARGE_ID = "ch_3QhXk2LkdIwHu7ix0G6Fw9mD";

    private StripeJson() {
    }

    static String paymentIntent(String status) {
        return paymentIntent(status, "null", "null");
    }

    /**
     * @param latestCharge JSON: {@code null}, a quoted id, or an expanded charge object
     * @param lastPaymentError JSON: {@code null} or an error object
     */
    static String paymentIntent(String status, String latestCharge, String lastPaymentError) {
        return """
                {
                  "id": "%s",
                  "object": "payment_intent",
                  "amount": 1250,
                  "amount_capturable": 0,
                  "amount_received": %d,
                  "automatic_payment_methods": {"allow_redirects": "always", "enabled": true},
                  "canceled_at": null,
                  "cancellation_reason": null,
                  "capture_method": "automatic_async",
                  "client_secret": "%s",
                  "confirmation_method": "automatic",
                  "created": 1763806530,
                  "currency": "usd",
                  "customer": null,
                  "description": "pon-ftth payment pay_3xq9T0bVdJm2LkQp7RzY1a",
                  "last_payment_error": %s,
                  "latest_charge": %s,
                  "livemode": false,
                  "metadata": {"payment_id": "pay_3xq9T0bVdJm2LkQp7RzY1a", "service_type": "pon-ftth"},
                  "next_action": null,
                  "payment_method": null,
                  "payment_method_types": ["card", "link"],
                  "receipt_email": "ada@example.com",
                  "status": "%s"
                }
                """.formatted(INTENT_ID, status.equals("succeeded") ? 1250 : 0, CLIENT_SECRET, lastPaymentError,
                latestCharge, status);
    }

    static String charge(long amountRefunded) {
        return """
                {
                  "id": "%s",
                  "object": "charge",
                  "amount": 1250,
                  "amount_captured": 1250,
                  "amount_refunded": %d,
                  "captured": true,
                  "created": 1763806531,
                  "currency": "usd",
                  "paid": true,
                  "payment_intent": "%s",
                  "refunded": %s,
                  "status": "succeeded"
                }
                """.formatted(CHARGE_ID, amountRefunded, INTENT_ID, amountRefunded == 1250);
    }

    static String cardError(String code, String declineCode, String message) {
        return """
                {
                  "code": "%s",
                  "decline_code": %s,
                  "doc_url": "https://stripe.com/docs/error-codes/%s",
                  "message": "%s",
                  "type": "card_error"
                }
                """.formatted(code, declineCode == null ? "null" : "\"" + declineCode + "\"", code, message);
    }

    static String refund(String id, long amount, String status, long chargeAmountRefunded) {
        return """
                {
                  "id": "%s",
                  "object": "refund",
                  "amount": %d,
                  "charge": %s,
                  "created": 1763806600,
                  "currency": "usd",
                  "failure_reason": %s,
                  "payment_intent": "%s",
                  "reason": null,
                  "status": "%s"
                }
                """.formatted(id, amount, charge(chargeAmountRefunded),
                status.equals("failed") ? "\"expired_or_canceled_card\"" : "null", INTENT_ID, status);
    }

    static String error(String type, String code, String message) {
        return """
                {"error": {"type": "%s", "code": %s, "message": "%s", "request_log_url": "https://dashboard.stripe.com/test/logs/req_8dHmVmWlZz1xQa"}}
                """.formatted(type, code == null ? "null" : "\"" + code + "\"", message);
    }
}
