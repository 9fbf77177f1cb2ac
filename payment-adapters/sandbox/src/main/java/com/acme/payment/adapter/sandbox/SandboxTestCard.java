package com.acme.payment.adapter.sandbox;

import com.acme.payment.domain.model.InvalidPaymentRequestException;
import com.acme.payment.domain.port.out.SandboxCardPayments.Card;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The cards the sandbox accepts: Stripe's test cards, with the outcomes they have in Stripe's test mode. */
public enum SandboxTestCard {
    SUCCEEDS("4242424242424242", "Succeeds", null, null),
    GENERIC_DECLINE("4000000000000002", "Declined (generic decline)", "generic_decline", "Your card was declined."),
    INSUFFICIENT_FUNDS("4000000000009995", "Declined (insufficient funds)", "insufficient_funds",
            "Your card has insufficient funds."),
    REQUIRES_AUTHENTICATION("4000002500003155", "Requires 3-D Secure authentication", null, null),
    DISPUTED("4000000000000259", "Succeeds, then a dispute is opened (fraudulent)", null, null),
    REFUND_FAILS("4000000000005126", "Succeeds; a refund of it fails later", null, null);

    private static final Pattern EXPIRY = Pattern.compile("(0[1-9]|1[0-2])/(\\d{2})");
    private static final Pattern CVC = Pattern.compile("\\d{3,4}");

    private final String number;
    private final String description;
    private final String declineCode;
    private final String declineMessage;

    SandboxTestCard(String number, String description, String declineCode, String declineMessage) {
        this.number = number;
        this.description = description;
        this.declineCode = declineCode;
        this.declineMessage = declineMessage;
    }

    /** Digits only. */
    public String number() {
        return number;
    }

    public String description() {
        return description;
    }

    /**
     * The test card typed into the form.
     *
     * @param thisMonth a card that expires this month is still good
     * @throws InvalidPaymentRequestException naming the field, for a card that is not a test card, an expiry that
     *                                        is not a future MM/YY, or a CVC that is not 3 or 4 digits
     */
    static SandboxTestCard accept(Card card, YearMonth thisMonth) {
        String digits = card.number() == null ? "" : card.number().replace(" ", "");
        SandboxTestCard testCard = Arrays.stream(values()).filter(known -> known.number.equals(digits)).findFirst()
                .orElseThrow(() -> new InvalidPaymentRequestException("cardNumber", "Use one of the sandbox test cards."));
        Matcher monthYear = EXPIRY.matcher(card.expiry() == null ? "" : card.expiry().strip());
        if (!monthYear.matches()) {
            throw new InvalidPaymentRequestException("expiry", "Enter the expiry date as MM/YY.");
        }
        YearMonth expires = YearMonth.of(2000 + Integer.parseInt(monthYear.group(2)), Integer.parseInt(monthYear.group(1)));
        if (expires.isBefore(thisMonth)) {
            throw new InvalidPaymentRequestException("expiry", "The expiry date is in the past.");
        }
        if (card.cvc() == null || !CVC.matcher(card.cvc().strip()).matches()) {
            throw new InvalidPaymentRequestException("cvc", "Enter the 3- or 4-digit security code.");
        }
        return testCard;
    }

    boolean declines() {
        return declineCode != null;
    }

    String declineCode() {
        return declineCode;
    }

    /** Stripe's message for the decline, which is also safe to show the customer. */
    String declineMessage() {
        return declineMessage;
    }
}
