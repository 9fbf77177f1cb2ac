package com.acme.payment.adapter.email;

import static com.acme.payment.adapter.email.NotificationData.AMOUNT;
import static com.acme.payment.adapter.email.NotificationData.CUSTOMER_EMAIL;
import static com.acme.payment.adapter.email.NotificationData.CUSTOMER_NAME;
import static com.acme.payment.adapter.email.NotificationData.DATE;
import static com.acme.payment.adapter.email.NotificationData.DISPUTE_AMOUNT;
import static com.acme.payment.adapter.email.NotificationData.DISPUTE_ID;
import static com.acme.payment.adapter.email.NotificationData.DISPUTE_OUTCOME;
import static com.acme.payment.adapter.email.NotificationData.DISPUTE_REASON;
import static com.acme.payment.adapter.email.NotificationData.EVIDENCE_DUE_BY;
import static com.acme.payment.adapter.email.NotificationData.FAILED_REFUND_AMOUNT;
import static com.acme.payment.adapter.email.NotificationData.FAILURE_REASON;
import static com.acme.payment.adapter.email.NotificationData.FULL_REFUND;
import static com.acme.payment.adapter.email.NotificationData.GATEWAY_REFERENCE;
import static com.acme.payment.adapter.email.NotificationData.GATEWAY_REFUND_ID;
import static com.acme.payment.adapter.email.NotificationData.PARTIAL_REFUND;
import static com.acme.payment.adapter.email.NotificationData.PAYMENT_ID;
import static com.acme.payment.adapter.email.NotificationData.REFUNDED_AMOUNT;
import static com.acme.payment.adapter.email.NotificationData.REFUND_SCOPE;
import static com.acme.payment.adapter.email.NotificationData.RETRY_URL;
import static com.acme.payment.adapter.email.NotificationData.SERVICE;
import static com.acme.payment.adapter.email.NotificationData.TRANSACTION_ID;

import com.acme.payment.domain.model.Dispute;
import com.acme.payment.domain.model.Money;
import com.acme.payment.domain.model.Payment;
import com.acme.payment.domain.model.PaymentStatus;
import com.acme.payment.domain.model.Refund;
import com.acme.payment.domain.notification.Notification;
import com.acme.payment.domain.notification.NotificationKind;
import com.acme.payment.domain.port.out.NotificationOutbox;
import com.acme.payment.domain.port.out.PaymentNotifier;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queues emails in the transactional outbox; never sends. Each notification carries every value its template
 * shows, taken when the payment changed, so a message sent later (or re-sent) says what was true then.
 */
public class OutboxPaymentNotifier implements PaymentNotifier {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxPaymentNotifier.class);

    static final String DEFAULT_FAILURE_REASON = "The payment could not be completed.";

    private static final DateTimeFormatter DATE_FORMAT =
            DateTimeFormatter.ofPattern("MMMM d, uuuu, HH:mm z", Locale.ENGLISH);

    private final NotificationOutbox outbox;
    private final Clock clock;
    private final Settings settings;
    private final DateTimeFormatter dateFormat;

    public OutboxPaymentNotifier(NotificationOutbox outbox, Clock clock, Settings settings) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.dateFormat = DATE_FORMAT.withZone(settings.zone());
    }

    @Override
    public void paymentSucceeded(Payment payment, String eventKey) {
        Instant now = clock.instant();
        Map<String, String> data = paymentFacts(payment, now);
        putIfPresent(data, TRANSACTION_ID, payment.transactionId());
        enqueue(payment, NotificationKind.RECEIPT, eventKey, payment.customer().email(), data, now);
    }

    @Override
    public void paymentFailed(Payment payment, String eventKey) {
        Instant now = clock.instant();
        Map<String, String> data = paymentFacts(payment, now);
        data.put(FAILURE_REASON, isBlank(payment.failureMessage()) ? DEFAULT_FAILURE_REASON : payment.failureMessage());
        if (settings.paymentPageBaseUrl() != null) {
            data.put(RETRY_URL, stripTrailingSlash(settings.paymentPageBaseUrl().toString()) + "/payment/"
                    + payment.id().value());
        }
        // Anyone can type anyone's address and fail payments on purpose: a few notices an hour, then silence.
        String recipient = payment.customer().email();
        if (outbox.countQueuedSince(NotificationKind.FAILURE_NOTICE, recipient, now.minus(Duration.ofHours(1)))
                >= settings.failureNoticesPerHour()) {
            LOG.info("No failure notice for payment {}: its recipient had {} in the last hour", payment.id().value(),
                    settings.failureNoticesPerHour());
            return;
        }
        enqueue(payment, NotificationKind.FAILURE_NOTICE, eventKey, recipient, data, now);
    }

    @Override
    public void paymentRefunded(Payment payment, String eventKey) {
        Instant now = clock.instant();
        Map<String, String> data = paymentFacts(payment, now);
        putIfPresent(data, TRANSACTION_ID, payment.transactionId());
        data.put(REFUNDED_AMOUNT, new Money(payment.refundedAmount(), payment.amount().currency()).format());
        data.put(REFUND_SCOPE, payment.status() == PaymentStatus.REFUNDED ? FULL_REFUND : PARTIAL_REFUND);
        enqueue(payment, NotificationKind.REFUND_NOTICE, eventKey, payment.customer().email(), data, now);
    }

    @Override
    public void disputeOpened(Payment payment, Dispute dispute) {
        toMerchant(payment, dispute, NotificationKind.DISPUTE_NOTICE);
    }

    @Override
    public void disputeReminder(Payment payment, Dispute dispute) {
        toMerchant(payment, dispute, NotificationKind.DISPUTE_REMINDER);
    }

    @Override
    public void disputeClosed(Payment payment, Dispute dispute) {
        toMerchant(payment, dispute, NotificationKind.DISPUTE_CLOSED);
    }

    /** One of each kind per dispute (keyed by its id); none at all when no merchant address is configured. */
    private void toMerchant(Payment payment, Dispute dispute, NotificationKind kind) {
        if (settings.merchantAddress() == null) {
            return;
        }
        Instant now = clock.instant();
        Map<String, String> data = merchantFacts(payment, now);
        data.put(DISPUTE_ID, dispute.disputeId());
        data.put(DISPUTE_AMOUNT, dispute.format(dispute.amount()));
        putIfPresent(data, DISPUTE_REASON, dispute.reason());
        if (dispute.evidenceDueBy() != null) {
            data.put(EVIDENCE_DUE_BY, dateFormat.format(dispute.evidenceDueBy()));
        }
        if (dispute.status().isFinal()) {
            data.put(DISPUTE_OUTCOME, dispute.status().apiName());
        }
        enqueue(payment, kind, dispute.disputeId(), settings.merchantAddress(), data, now);
    }

    @Override
    public void refundFailed(Payment payment, Refund refund, String eventKey) {
        if (settings.merchantAddress() == null) {
            return;
        }
        Instant now = clock.instant();
        Map<String, String> data = merchantFacts(payment, now);
        putIfPresent(data, GATEWAY_REFUND_ID, refund.gatewayRefundId());
        data.put(FAILED_REFUND_AMOUNT, new Money(refund.amount(), payment.amount().currency()).format());
        data.put(REFUNDED_AMOUNT, new Money(payment.refundedAmount(), payment.amount().currency()).format());
        putIfPresent(data, FAILURE_REASON, refund.failureReason());
        enqueue(payment, NotificationKind.REFUND_FAILED_NOTICE, eventKey, settings.merchantAddress(), data, now);
    }

    /** The merchant has to find the customer and the charge (to answer a dispute, to pay back), so these name both. */
    private Map<String, String> merchantFacts(Payment payment, Instant now) {
        Map<String, String> data = paymentFacts(payment, now);
        data.put(CUSTOMER_EMAIL, payment.customer().email());
        putIfPresent(data, TRANSACTION_ID, payment.transactionId());
        putIfPresent(data, GATEWAY_REFERENCE, payment.gatewayReference());
        return data;
    }

    private Map<String, String> paymentFacts(Payment payment, Instant now) {
        Map<String, String> data = new HashMap<>();
        data.put(CUSTOMER_NAME, payment.customer().name());
        data.put(SERVICE, settings.serviceTypeLabels().getOrDefault(payment.serviceType(), payment.serviceType()));
        data.put(AMOUNT, payment.amount().format());
        data.put(PAYMENT_ID, payment.id().value());
        data.put(DATE, dateFormat.format(now));
        return data;
    }

    private void enqueue(Payment payment, NotificationKind kind, String eventKey, String recipient,
                         Map<String, String> data, Instant now) {
        // false means this notice is already queued: nothing more to do.
        outbox.enqueue(new Notification(payment.id(), kind, eventKey, recipient, data), now);
    }

    private static void putIfPresent(Map<String, String> data, String key, String value) {
        if (!isBlank(value)) {
            data.put(key, value);
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /**
     * @param merchantAddress    who receives dispute and failed-refund notices, e.g. {@code billing@example.com};
     *                           null sends none
     * @param zone               the time zone dates are shown in
     * @param serviceTypeLabels  service type id to the label customers saw; an unknown id is shown as is
     * @param paymentPageBaseUrl where the Payment page is served (e.g. {@code https://pay.example.com}), for the
     *                           retry link in failure notices; null leaves the link out
     * @param failureNoticesPerHour how many failure notices one address gets in an hour at most
     */
    public record Settings(String merchantAddress, ZoneId zone, Map<String, String> serviceTypeLabels,
                           URI paymentPageBaseUrl, int failureNoticesPerHour) {

        public Settings {
            if (failureNoticesPerHour < 0) {
                throw new IllegalArgumentException("failureNoticesPerHour must not be negative");
            }
            Objects.requireNonNull(zone, "zone");
            serviceTypeLabels = serviceTypeLabels == null ? Map.of() : Map.copyOf(serviceTypeLabels);
            merchantAddress = isBlank(merchantAddress) ? null : merchantAddress.strip();
            if (merchantAddress != null) {
                requireAddress(merchantAddress);
            }
            if (paymentPageBaseUrl != null && !("https".equals(paymentPageBaseUrl.getScheme())
                    || "http".equals(paymentPageBaseUrl.getScheme()))) {
                throw new IllegalArgumentException("payment page URL must be http(s): " + paymentPageBaseUrl);
            }
        }

        private static void requireAddress(String address) {
            try {
                new InternetAddress(address, true);
            } catch (AddressException invalid) {
                throw new IllegalArgumentException("merchant address is not an email address: " + address, invalid);
            }
        }
    }
}
