package com.acme.payment.adapter.stripe;

import com.acme.payment.domain.model.GatewayException;
import com.acme.payment.domain.model.GatewayException.Reason;
import com.acme.payment.domain.model.Payment;
import com.acme.payment.domain.model.PaymentStatus;
import com.acme.payment.domain.model.StripeIntentStatus;
import com.acme.payment.domain.model.DisputeEvidence;
import com.acme.payment.domain.model.GatewayDispute;
import com.acme.payment.domain.port.out.DisputeGateway;
import com.acme.payment.domain.port.out.HostedCheckout;
import com.acme.payment.domain.port.out.PaymentGateway;
import com.stripe.StripeClient;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.CardException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.Charge;
import com.stripe.model.Dispute;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.model.StripeCollection;
import com.stripe.model.StripeError;
import com.stripe.net.RequestOptions;
import com.stripe.param.DisputeUpdateParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentIntentRetrieveParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.RefundListParams;
import java.util.List;
import java.util.Locale;

/**
 * {@link PaymentGateway} on Stripe's PaymentIntents API, through its own {@link StripeClient} (never the
 * global {@code Stripe.apiKey}), so that settings and keys stay per instance.
 */
public class StripePaymentGateway implements PaymentGateway {

    /** The refund's metadata key for our refund id: how a refund whose answer was lost is found again. */
    static final String REFUND_ID = "refund_id";

    /** More refunds than this on one payment are not made here (Stripe's largest page). */
    private static final long MAX_LISTED_REFUNDS = 100;

    private final StripeClient client;
    private final String secretKey;

    public StripePaymentGateway(StripeSettings settings) {
        this.client = settings.newClient();
        this.secretKey = settings.secretKey();
    }

    @Override
    public String name() {
        return "stripe";
    }

    @Override
    public GatewayIntent createIntent(Payment payment) {
        PaymentIntentCreateParams params = PaymentIntentCreateParams.builder()
                .setAmount(payment.amount().minorUnits())
                .setCurrency(payment.amount().currency().toLowerCase(Locale.ROOT))
                .setAutomaticPaymentMethods(PaymentIntentCreateParams.AutomaticPaymentMethods.builder()
                        .setEnabled(true)
                        .build())
                .putMetadata("payment_id", payment.id().value())
                .putMetadata("service_type", payment.serviceType())
                .setDescription(payment.serviceType() + " payment " + payment.id())
                .setReceiptEmail(payment.customer().email())
                .build();
        // Keyed on our payment id: a retry after a timeout returns the intent Stripe already made.
        RequestOptions options = idempotent("create-intent-" + payment.id());
        return call("create an intent for " + payment.id(),
                () -> toIntent(client.v1().paymentIntents().create(params, options)));
    }

    @Override
    public GatewayIntent retrieveIntent(String reference) {
        // The latest charge carries the refunded total.
        PaymentIntentRetrieveParams params = PaymentIntentRetrieveParams.builder().addExpand("latest_charge").build();
        return call("retrieve " + reference, () -> toIntent(client.v1().paymentIntents().retrieve(reference, params)));
    }

    @Override
    public GatewayIntent cancelIntent(String reference) {
        return call("cancel " + reference, () -> toIntent(client.v1().paymentIntents().cancel(reference)));
    }

    @Override
    public GatewayRefund refund(String reference, long amount, String idempotencyKey) {
        RefundCreateParams params = RefundCreateParams.builder()
                .setPaymentIntent(reference)
                .setAmount(amount)
                .putMetadata(REFUND_ID, idempotencyKey)
                .addExpand("charge")
                .build();
        Refund refund = call("refund " + amount + " on " + reference,
                () -> client.v1().refunds().create(params, idempotent("refund-" + idempotencyKey)));
        if ("failed".equals(refund.getStatus()) || "canceled".equals(refund.getStatus())) {
            throw new GatewayException(Reason.INVALID_REQUEST, "Stripe refund " + refund.getId() + " on " + reference
                    + " is " + refund.getStatus() + ": " + refund.getFailureReason(), null,
                    "The refund could not be made.", null);
        }
        // Stripe's total for the charge, this refund included: never our own sum.
        return new GatewayRefund(refund.getId(), refund.getChargeObject().getAmountRefunded());
    }

    /** Stripe Checkout, on this gateway's client. */
    public HostedCheckout checkoutSessions() {
        return new StripeCheckoutSessions(client, this);
    }

    /**
     * The merchant's answers to disputes, through this gateway's client. A separate object, so that it is never taken
     * for a {@link PaymentGateway}.
     */
    public DisputeGateway disputes() {
        return new DisputeGateway() {
            @Override
            public GatewayDispute updateEvidence(String disputeId, DisputeEvidence evidence, boolean submit,
                                                 String idempotencyKey) {
                DisputeUpdateParams params = DisputeUpdateParams.builder()
                        .setEvidence(DisputeUpdateParams.Evidence.builder()
                                .setProductDescription(evidence.productDescription())
                                .setCustomerCommunication(evidence.customerCommunication())
                                .setUncategorizedText(evidence.uncategorizedText())
                                .build())
                        .setSubmit(submit)
                        .build();
                return toDispute(call("update the evidence of " + disputeId,
                        () -> client.v1().disputes().update(disputeId, params, options(idempotencyKey))));
            }

            @Override
            public GatewayDispute close(String disputeId, String idempotencyKey) {
                return toDispute(call("close " + disputeId,
                        () -> client.v1().disputes().close(disputeId, options(idempotencyKey))));
            }
        };
    }

    private static GatewayDispute toDispute(Dispute dispute) {
        return StripeDisputes.toGatewayDispute(dispute, null).orElseThrow(() -> new GatewayException(
                Reason.INVALID_REQUEST, "Stripe answered dispute " + dispute.getId() + " in status "
                + dispute.getStatus() + " without a PaymentIntent or in an unknown status", null, null, null));
    }

    /** The caller's key as it is, so that its retry reaches Stripe's saved answer; none lets stripe-java make one. */
    private static RequestOptions options(String idempotencyKey) {
        return idempotencyKey == null ? RequestOptions.getDefault() : idempotent(idempotencyKey);
    }

    @Override
    public List<ListedRefund> listRefunds(String reference) {
        RefundListParams params = RefundListParams.builder()
                .setPaymentIntent(reference)
                .setLimit(MAX_LISTED_REFUNDS)
                .addExpand("data.charge")
                .build();
        StripeCollection<Refund> refunds = call("list the refunds of " + reference,
                () -> client.v1().refunds().list(params));
        return refunds.getData().stream().map(StripePaymentGateway::toListedRefund).toList();
    }

    private static ListedRefund toListedRefund(Refund refund) {
        Charge charge = refund.getChargeObject();
        boolean failed = "failed".equals(refund.getStatus()) || "canceled".equals(refund.getStatus());
        return new ListedRefund(refund.getId(), ourRefundId(refund), refund.getAmount(), failed,
                refund.getFailureReason(),
                charge == null || charge.getAmountRefunded() == null ? 0 : charge.getAmountRefunded());
    }

    /** Our refund id, which {@link #refund} puts in the refund's metadata; null for a refund made elsewhere. */
    static String ourRefundId(Refund refund) {
        return refund.getMetadata() == null ? null : refund.getMetadata().get(REFUND_ID);
    }

    private GatewayIntent toIntent(PaymentIntent intent) {
        StripeError lastError = intent.getLastPaymentError();
        Charge charge = intent.getLatestChargeObject();
        long refundedTotal = charge == null || charge.getAmountRefunded() == null ? 0 : charge.getAmountRefunded();
        StripeIntentStatus stripeStatus = StripeIntentStatus.fromStripeName(intent.getStatus())
                .orElseThrow(() -> new GatewayException(Reason.INVALID_REQUEST, "Stripe reported the unknown status "
                        + intent.getStatus() + " for " + intent.getId(), null, null, null));
        PaymentStatus status = stripeStatus.paymentStatus(lastError != null, intent.getAmount(), refundedTotal);
        String failureCode = status == PaymentStatus.FAILED ? DeclineMessages.codeOf(lastError) : null;
        return new GatewayIntent(intent.getId(), intent.getClientSecret(), status,
                stripeStatus == StripeIntentStatus.SUCCEEDED ? intent.getLatestCharge() : null,
                failureCode, failureCode == null ? null : DeclineMessages.forCode(failureCode), refundedTotal);
    }

    static RequestOptions idempotent(String key) {
        return RequestOptions.builder().setIdempotencyKey(key).build();
    }

    /** Runs a call to Stripe, its failure translated into a {@link GatewayException}. */
    <T> T call(String action, StripeCall<T> stripeCall) {
        try {
            return stripeCall.run();
        } catch (StripeException e) {
            throw translate(e, action);
        }
    }

    private GatewayException translate(StripeException e, String action) {
        String message = "Stripe could not " + action + " (HTTP " + e.getStatusCode() + "): "
                + String.valueOf(e.getMessage()).replace(secretKey, "[secret key]");
        if (e instanceof CardException card) {
            String code = card.getDeclineCode() != null ? card.getDeclineCode() : card.getCode();
            return new GatewayException(Reason.CARD_DECLINED, message, code, DeclineMessages.forCode(code), e);
        }
        Reason reason;
        if (e instanceof RateLimitException) {
            reason = Reason.RATE_LIMITED;
        } else if (e instanceof AuthenticationException) {
            reason = Reason.AUTHENTICATION; // PermissionException (403) is an AuthenticationException
        } else if (e instanceof InvalidRequestException || e instanceof IdempotencyException) {
            reason = Reason.INVALID_REQUEST;
        } else {
            reason = Reason.UNAVAILABLE; // ApiConnectionException, ApiException (5xx, 409 conflicts)
        }
        return new GatewayException(reason, message, null, customerMessage(reason), e);
    }

    private static String customerMessage(Reason reason) {
        return switch (reason) {
            case RATE_LIMITED -> "Too many payment requests right now. Try again in a moment.";
            case INVALID_REQUEST -> "The payment could not be processed.";
            default -> "Payments are temporarily unavailable. Try again in a moment.";
        };
    }

    @FunctionalInterface
    interface StripeCall<T> {
        T run() throws StripeException;
    }
}
