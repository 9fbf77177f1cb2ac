package com.acme.payment.adapter.stripe;

import com.stripe.model.StripeError;
import java.util.Map;

/**
 * What to tell the customer about a failed payment, by Stripe's decline code (or error code when there is no
 * decline code). Follows Stripe's advice: a lost or stolen card is reported as a plain decline, so the message
 * never tells a fraudster which card was flagged.
 */
final class DeclineMessages {

    private static final String DEFAULT = "Your card was declined. Try another card or contact your bank.";

    private static final String DECLINED = "Your card was declined.";

    private static final Map<String, String> BY_CODE = Map.ofEntries(
            Map.entry("generic_decline", DECLINED),
            Map.entry("card_declined", DECLINED),
            Map.entry("do_not_honor", DECLINED),
            Map.entry("lost_card", DECLINED),
            Map.entry("stolen_card", DECLINED),
            Map.entry("fraudulent", DECLINED),
            Map.entry("pickup_card", DECLINED),
            Map.entry("insufficient_funds", "Your card has insufficient funds."),
            Map.entry("expired_card", "Your card has expired."),
            Map.entry("incorrect_cvc", "Your card's security code is incorrect."),
            Map.entry("invalid_cvc", "Your card's security code is incorrect."),
            Map.entry("incorrect_number", "Your card number is incorrect."),
            Map.entry("invalid_number", "Your card number is incorrect."),
            Map.entry("invalid_expiry_month", "Your card's expiration month is invalid."),
            Map.entry("invalid_expiry_year", "Your card's expiration year is invalid."),
            Map.entry("card_velocity_exceeded", "Your card was declined for too many attempts. Try again later."),
            Map.entry("processing_error", "An error occurred while processing your card. Try again in a little bit."),
            Map.entry("authentication_required", "Your card was declined. This payment requires authentication."),
            Map.entry("payment_intent_authentication_failure", "We could not authenticate your payment."),
            Map.entry("card_not_supported", "Your card does not support this type of purchase."),
            Map.entry("currency_not_supported", "Your card does not support this currency."));

    private DeclineMessages() {
    }

    /** The decline code when the issuer gave one (insufficient_funds), otherwise the error code (expired_card). */
    static String codeOf(StripeError error) {
        return error.getDeclineCode() != null ? error.getDeclineCode() : error.getCode();
    }

    /** A message safe to show the customer; never Stripe's own text, which may be meant for developers. */
    static String forCode(String code) {
        return code == null ? DEFAULT : BY_CODE.getOrDefault(code, DEFAULT);
    }
}
