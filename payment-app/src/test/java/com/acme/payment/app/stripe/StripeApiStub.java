package com.acme.payment.app.stripe;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A local stand-in for Stripe's API (the JDK's HTTP server: okhttp's mockwebserver is not on this module's test
 * class path). It keeps PaymentIntents, refunds, Checkout Sessions and disputes, answers their create, retrieve,
 * cancel, expire, refund, dispute update and close calls, lists refunds, events and webhook endpoints, with the JSON
 * Stripe writes, replays a POST's answer for a repeated Idempotency-Key as Stripe does, and records every request so
 * that tests can check what the app sent. A route can be made to answer an error (an outage before Stripe did
 * anything, so nothing is saved for the key) until {@link #answerNormally()}, and refund calls can lose their answer
 * (Stripe made the refund, the connection dropped before the app heard so); refunds can fail later.
 */
final class StripeApiStub {

    private static final Pattern INTENT_PATH = Pattern.compile("/v1/payment_intents/(pi_[A-Za-z0-9]+)(/cancel)?");
    private static final Pattern DISPUTE_PATH = Pattern.compile("/v1/disputes/(dp_[A-Za-z0-9]+)(/close)?");
    private static final Pattern SESSION_PATH = Pattern.compile("/v1/checkout/sessions/(cs_[A-Za-z0-9_]+)(/expire)?");
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Smaller than the app asks for (100), so that tests see it page through {@code starting_after}. */
    private static final int EVENTS_PAGE_SIZE = 20;
    /**
     * The account's webhook endpoints: the enabled one lacks {@code charge.dispute.created}; the disabled one
     * would send everything, but disabled endpoints send nothing.
     */
    static final String WEBHOOK_ENDPOINTS = """
            {
              "object": "list",
              "data": [
                {
                  "id": "we_1StubEnabledEndpoint00000",
                  "object": "webhook_endpoint",
                  "api_version": "2025-09-30.clover",
                  "application": null,
                  "created": 1767225600,
                  "description": "payment service",
                  "enabled_events": ["payment_intent.processing", "payment_intent.requires_action",
                    "payment_intent.succeeded", "payment_intent.payment_failed", "payment_intent.canceled",
                    "charge.refunded", "charge.refund.updated"],
                  "livemode": false,
                  "metadata": {},
                  "status": "enabled",
                  "url": "https://payments.example.com/api/payment/stripe/webhook"
                },
                {
                  "id": "we_1StubDisabledEndpoint0000",
                  "object": "webhook_endpoint",
                  "api_version": "2025-09-30.clover",
                  "application": null,
                  "created": 1767225600,
                  "description": "old endpoint",
                  "enabled_events": ["*"],
                  "livemode": false,
                  "metadata": {},
                  "status": "disabled",
                  "url": "https://old.example.com/webhook"
                }
              ],
              "has_more": false,
              "url": "/v1/webhook_endpoints"
            }""";

    private final HttpServer server;
    private final Map<String, Intent> intents = new ConcurrentHashMap<>();
    private final Map<String, Dispute> disputes = new ConcurrentHashMap<>();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, Answer> scripted = new ConcurrentHashMap<>();
    private final Map<String, Answer> byIdempotencyKey = new ConcurrentHashMap<>();
    private final List<RuntimeException> stubErrors = new CopyOnWriteArrayList<>();
    private final List<StoredEvent> events = new CopyOnWriteArrayList<>();
    private final Map<String, StubRefund> refunds = new ConcurrentHashMap<>();
    private volatile boolean loseRefundAnswers;

    private StripeApiStub(HttpServer server) {
        this.server = server;
    }

    /** Started for the life of the test JVM, like the Spring context that talks to it. */
    static StripeApiStub start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            StripeApiStub stub = new StripeApiStub(server);
            server.createContext("/", stub::handle);
            server.setExecutor(Executors.newFixedThreadPool(8, runnable -> {
                Thread thread = new Thread(runnable, "stripe-stub");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
            return stub;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String baseUrl() {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
    }

    /** Every request to {@code method path} gets this answer, until {@link #answerNormally()}. */
    void answerAlways(String method, String path, int status, String body) {
        scripted.put(method + " " + path, new Answer(status, body));
    }

    void answerNormally() {
        scripted.clear();
        loseRefundAnswers = false;
    }

    /** Refunds are made, but the connection drops before the answer, every attempt, until {@link #answerNormally()}. */
    void loseRefundAnswers() {
        loseRefundAnswers = true;
    }

    List<StubRefund> refundsOf(String intentId) {
        return refunds.values().stream().filter(refund -> refund.intentId().equals(intentId))
                .sorted(Comparator.comparing(StubRefund::created).thenComparing(StubRefund::id)).toList();
    }

    /**
     * The card's bank returned the refund (Stripe's test card 4000 0000 0000 5126): Stripe marks it failed and the
     * charge's refunded total goes down.
     *
     * @return the failed refund as Stripe's refund events carry it
     */
    synchronized String failRefund(String refundId, String failureReason) {
        StubRefund refund = refunds.get(refundId);
        StubRefund failed = refund.failed(failureReason);
        refunds.put(refundId, failed);
        intents.computeIfPresent(refund.intentId(),
                (id, intent) -> intent.withAmountRefunded(intent.amountRefunded() - refund.amount()));
        return failed.json(quotedId(refund.chargeId()));
    }

    /** A request the stub could not make sense of is a test bug, not a Stripe outage: it must not pass unseen. */
    List<RuntimeException> stubErrors() {
        return List.copyOf(stubErrors);
    }

    List<Call> calls(String method, String path) {
        return calls.stream().filter(call -> call.method().equals(method) && call.path().equals(path)).toList();
    }

    /** The intent the app created for our payment, found by the {@code metadata[payment_id]} it sent. */
    Intent intentFor(String paymentId) {
        return intents.values().stream().filter(intent -> intent.paymentId().equals(paymentId)).findFirst()
                .orElseThrow(() -> new AssertionError("the app created no PaymentIntent for " + paymentId));
    }

    /** The Checkout Sessions the app created for our payment, oldest first, found by their client_reference_id. */
    List<Session> sessionsFor(String paymentId) {
        return sessions.values().stream().filter(session -> session.paymentId().equals(paymentId))
                .sorted(java.util.Comparator.comparingLong(Session::created).thenComparing(Session::sequence))
                .toList();
    }

    Session session(String sessionId) {
        return sessions.get(sessionId);
    }

    /**
     * The customer paid on the hosted page: Stripe makes the session's PaymentIntent (with the session's
     * payment_intent_data), it succeeds, and the session completes; {@code paid} false for a delayed method.
     */
    Session pay(String sessionId, boolean paid) {
        Session session = sessions.get(sessionId);
        String suffix = random(24);
        Intent intent = new Intent("pi_3" + suffix, "pi_3" + suffix + "_secret_" + random(25), "ch_3" + suffix,
                session.amount(), session.currency(), session.paymentId(), session.serviceType(),
                session.serviceType() + " payment " + session.paymentId(), session.customerEmail(),
                paid ? "succeeded" : "processing", null, 0, Instant.now().getEpochSecond());
        intents.put(intent.id(), intent);
        return sessions.compute(sessionId, (id, current) -> current.with("complete", paid ? "paid" : "unpaid",
                intent.id()));
    }

    /** The session's time ran out before the customer paid. */
    Session expire(String sessionId) {
        return sessions.compute(sessionId, (id, current) -> current.with("expired", current.paymentStatus(),
                current.paymentIntent()));
    }

    Intent intent(String intentId) {
        return intents.get(intentId);
    }

    /** The customer paid: Stripe now reports the intent succeeded with a charge. */
    void succeed(String intentId) {
        intents.computeIfPresent(intentId, (id, intent) -> intent.withStatus("succeeded", null));
    }

    /**
     * An event Stripe created (and may or may not have delivered), as its Events API lists it: the object as it is
     * now. Returns the event's JSON.
     */
    String createEvent(String type, String objectJson) {
        String id = "evt_3" + random(24);
        String json = """
                {
                  "id": "%s",
                  "object": "event",
                  "api_version": "2025-09-30.clover",
                  "created": %d,
                  "data": {"object": %s},
                  "livemode": false,
                  "pending_webhooks": 1,
                  "request": {"id": "req_%s", "idempotency_key": null},
                  "type": "%s"
                }""".formatted(id, Instant.now().getEpochSecond(), objectJson, random(14), type);
        events.add(new StoredEvent(id, type, Instant.now().getEpochSecond(), json));
        return json;
    }

    /** {@link #createEvent} for the intent's {@code payment_intent.succeeded}, with its charge. */
    String createSucceededEvent(String intentId) {
        return createEvent("payment_intent.succeeded", intents.get(intentId).json(false));
    }

    /** The card was declined: Stripe puts the intent back to requires_payment_method with the error. */
    void decline(String intentId, String declineCode, String message) {
        intents.computeIfPresent(intentId, (id, intent) -> intent.withStatus("requires_payment_method",
                cardError("card_declined", declineCode, message)));
    }

    /** The customer's bank disputes the intent's charge (fraudulent, funds withdrawn); returns the dispute's id. */
    String openDispute(String intentId) {
        Intent intent = intents.get(intentId);
        Dispute dispute = new Dispute("dp_1" + random(23), intent, "needs_response", null,
                Instant.now().getEpochSecond());
        disputes.put(dispute.id(), dispute);
        return dispute.id();
    }

    static String cardError(String code, String declineCode, String message) {
        return """
                {
                  "charge": "ch_3%s",
                  "code": "%s",
                  "decline_code": %s,
                  "doc_url": "https://stripe.com/docs/error-codes/%s",
                  "message": "%s",
                  "type": "card_error"
                }""".formatted(random(24), code, declineCode == null ? "null" : "\"" + declineCode + "\"", code,
                message);
    }

    /** Stripe's error envelope, as it answers 4xx and 5xx. */
    static String error(String type, String code, String message) {
        return """
                {
                  "error": {
                    "type": "%s",
                    "code": %s,
                    "message": "%s",
                    "request_log_url": "https://dashboard.stripe.com/test/logs/req_%s"
                  }
                }""".formatted(type, code == null ? "null" : "\"" + code + "\"", message, random(14));
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            Call call = Call.read(exchange);
            calls.add(call);
            Answer answer;
            try {
                answer = Optional.ofNullable(scripted.get(call.method() + " " + call.path()))
                        .orElseGet(() -> idempotent(call));
            } catch (RuntimeException bug) {
                stubErrors.add(bug);
                answer = new Answer(500, error("api_error", null, "stub failure: " + bug));
            }
            if (loseRefundAnswers && call.method().equals("POST") && call.path().equals("/v1/refunds")) {
                return; // closed without an answer: the client sees the connection drop
            }
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("Request-Id", "req_" + random(14));
            exchange.sendResponseHeaders(answer.status(), body.length);
            exchange.getResponseBody().write(body);
        } finally {
            exchange.close();
        }
    }

    /** Like Stripe, a POST whose Idempotency-Key was seen before gets the saved answer and changes nothing. */
    private Answer idempotent(Call call) {
        String key = call.header("Idempotency-Key");
        if (!call.method().equals("POST") || key == null) {
            return answer(call);
        }
        return byIdempotencyKey.computeIfAbsent(call.path() + " " + key, ignored -> answer(call));
    }

    private Answer answer(Call call) {
        if (call.method().equals("POST") && call.path().equals("/v1/payment_intents")) {
            return create(call);
        }
        if (call.method().equals("POST") && call.path().equals("/v1/refunds")) {
            return refund(call);
        }
        Matcher disputePath = DISPUTE_PATH.matcher(call.path());
        if (call.method().equals("POST") && disputePath.matches()) {
            return disputeAnswer(disputePath.group(1), disputePath.group(2) != null, call.params());
        }
        if (call.method().equals("GET") && call.path().equals("/v1/events")) {
            return listEvents(call.params());
        }
        if (call.method().equals("GET") && call.path().equals("/v1/webhook_endpoints")) {
            return new Answer(200, WEBHOOK_ENDPOINTS);
        }
        if (call.method().equals("POST") && call.path().equals("/v1/checkout/sessions")) {
            return createSession(call);
        }
        Matcher sessionPath = SESSION_PATH.matcher(call.path());
        if (sessionPath.matches()) {
            return sessionCall(call, sessionPath.group(1), sessionPath.group(2) != null);
        }
        if (call.method().equals("GET") && call.path().equals("/v1/refunds")) {
            return listRefunds(call);
        }
        Matcher intentPath = INTENT_PATH.matcher(call.path());
        if (intentPath.matches()) {
            Intent intent = intents.get(intentPath.group(1));
            if (intent == null) {
                return new Answer(404, error("invalid_request_error", "resource_missing",
                        "No such payment_intent: '" + intentPath.group(1) + "'"));
            }
            if (call.method().equals("GET") && intentPath.group(2) == null) {
                return new Answer(200, intent.json("latest_charge".equals(call.params().get("expand[0]"))));
            }
            if (call.method().equals("POST") && intentPath.group(2) != null) {
                Intent canceled = intents.computeIfPresent(intent.id(), (id, current) -> current.withStatus("canceled",
                        current.lastPaymentError()));
                return new Answer(200, canceled.json(false));
            }
        }
        return new Answer(404, error("invalid_request_error", null,
                "Unrecognized request URL (" + call.method() + ": " + call.path() + ")."));
    }

    private Answer create(Call call) {
        Map<String, String> form = call.params();
        String suffix = random(24);
        Intent intent = new Intent("pi_3" + suffix, "pi_3" + suffix + "_secret_" + random(25), "ch_3" + suffix,
                Long.parseLong(form.get("amount")), form.get("currency"), form.get("metadata[payment_id]"),
                form.get("metadata[service_type]"), form.get("description"), form.get("receipt_email"),
                "requires_payment_method", null, 0, Instant.now().getEpochSecond());
        intents.put(intent.id(), intent);
        return new Answer(200, intent.json(false));
    }

    private Answer createSession(Call call) {
        Map<String, String> form = call.params();
        String id = "cs_test_a1" + random(56);
        Session session = new Session(id, "https://checkout.stripe.com/c/pay/" + id + "#fid" + random(40),
                form.get("client_reference_id"), form.get("payment_intent_data[metadata][service_type]"),
                Long.parseLong(form.get("line_items[0][price_data][unit_amount]")),
                form.get("line_items[0][price_data][currency]"), form.get("line_items[0][price_data][product_data][name]"),
                form.get("customer_email"), form.get("success_url").replace("{CHECKOUT_SESSION_ID}", id),
                form.get("cancel_url"), Long.parseLong(form.get("expires_at")), "open", "unpaid", null,
                Instant.now().getEpochSecond(), System.nanoTime());
        sessions.put(id, session);
        return new Answer(200, session.json());
    }

    /** Retrieve, or expire; like Stripe, only an open session can be expired, and that cancels its intent. */
    private synchronized Answer sessionCall(Call call, String sessionId, boolean expire) {
        Session session = sessions.get(sessionId);
        if (session == null) {
            return new Answer(404, error("invalid_request_error", "resource_missing",
                    "No such checkout.session: '" + sessionId + "'"));
        }
        if (!expire) {
            return new Answer(200, session.json());
        }
        if (!session.status().equals("open")) {
            return new Answer(400, error("invalid_request_error", null, "Only Checkout Sessions with a status in "
                    + "[open] can be expired. This Checkout Session has a status of " + session.status() + "."));
        }
        if (session.paymentIntent() != null) {
            intents.computeIfPresent(session.paymentIntent(), (id, intent) -> intent.withStatus("canceled",
                    intent.lastPaymentError()));
        }
        return new Answer(200, expire(sessionId).json());
    }

    /** Refunds against the intent's charge; Stripe refuses more than is left, and intents that did not succeed. */
    private synchronized Answer refund(Call call) {
        Map<String, String> form = call.params();
        Intent intent = intents.get(form.get("payment_intent"));
        if (intent == null) {
            return new Answer(404, error("invalid_request_error", "resource_missing",
                    "No such payment_intent: '" + form.get("payment_intent") + "'"));
        }
        if (!intent.status().equals("succeeded")) {
            return new Answer(400, error("invalid_request_error", "charge_not_refundable",
                    "This PaymentIntent does not have a successful charge to refund."));
        }
        long left = intent.amount() - intent.amountRefunded();
        long amount = form.containsKey("amount") ? Long.parseLong(form.get("amount")) : left;
        if (amount > left) {
            return new Answer(400, error("invalid_request_error", "amount_too_large", "Refund amount ($"
                    + amount + ") is greater than unrefunded amount on charge ($" + left + ")"));
        }
        Intent refunded = intent.withAmountRefunded(intent.amountRefunded() + amount);
        intents.put(refunded.id(), refunded);
        StubRefund refund = new StubRefund("re_3" + random(24), refunded.id(), refunded.chargeId(), amount,
                refunded.currency(), form.get("metadata[refund_id]"), "succeeded", null,
                Instant.now().getEpochSecond());
        refunds.put(refund.id(), refund);
        return new Answer(200, refund.json("charge".equals(form.get("expand[0]")) ? refunded.chargeJson()
                : quotedId(refunded.chargeId())));
    }

    /** {@code GET /v1/refunds?payment_intent=…}, newest first as Stripe lists, with {@code expand[]=data.charge}. */
    private synchronized Answer listRefunds(Call call) {
        Intent intent = intents.get(call.params().get("payment_intent"));
        if (intent == null) {
            return new Answer(404, error("invalid_request_error", "resource_missing",
                    "No such payment_intent: '" + call.params().get("payment_intent") + "'"));
        }
        boolean expandCharge = "data.charge".equals(call.params().get("expand[0]"));
        String data = refundsOf(intent.id()).stream()
                .sorted(Comparator.comparing(StubRefund::created).thenComparing(StubRefund::id).reversed())
                .map(refund -> refund.json(expandCharge ? intent.chargeJson() : quotedId(intent.chargeId())))
                .collect(Collectors.joining(",\n"));
        return new Answer(200, """
                {
                  "object": "list",
                  "data": [%s],
                  "has_more": false,
                  "url": "/v1/refunds"
                }""".formatted(data));
    }

    private static String quotedId(String id) {
        return "\"" + id + "\"";
    }

    /**
     * Stripe's update (evidence, submit) and close. Submitted evidence puts the dispute under review, closing loses
     * it; a closed dispute takes neither, as Stripe answers.
     */
    private synchronized Answer disputeAnswer(String disputeId, boolean close, Map<String, String> form) {
        Dispute dispute = disputes.get(disputeId);
        if (dispute == null) {
            return new Answer(404, error("invalid_request_error", "resource_missing",
                    "No such dispute: '" + disputeId + "'"));
        }
        if (List.of("won", "lost", "warning_closed").contains(dispute.status())) {
            return new Answer(400, error("invalid_request_error", null, "This dispute is already closed"));
        }
        Dispute changed = close ? dispute.with("lost", dispute.uncategorizedText())
                : dispute.with("true".equals(form.get("submit")) ? "under_review" : dispute.status(),
                        form.getOrDefault("evidence[uncategorized_text]", dispute.uncategorizedText()));
        disputes.put(disputeId, changed);
        return new Answer(200, changed.json());
    }

    /**
     * {@code GET /v1/events}: newest first, filtered by {@code created[gte]} and {@code types[]}, paged by
     * {@code limit} and {@code starting_after} with {@code has_more}, as Stripe's list endpoints are.
     */
    private Answer listEvents(Map<String, String> params) {
        long createdGte = Long.parseLong(params.getOrDefault("created[gte]", "0"));
        List<String> types = params.entrySet().stream().filter(param -> param.getKey().startsWith("types["))
                .map(Map.Entry::getValue).toList();
        List<StoredEvent> matching = new ArrayList<>(events.stream()
                .filter(event -> event.created() >= createdGte)
                .filter(event -> types.isEmpty() || types.contains(event.type()))
                .toList());
        Collections.reverse(matching);
        int from = 0;
        String startingAfter = params.get("starting_after");
        if (startingAfter != null) {
            from = matching.stream().map(StoredEvent::id).toList().indexOf(startingAfter) + 1;
        }
        int limit = Math.min(Integer.parseInt(params.getOrDefault("limit", "10")), EVENTS_PAGE_SIZE);
        List<StoredEvent> page = matching.subList(from, Math.min(matching.size(), from + limit));
        return new Answer(200, """
                {
                  "object": "list",
                  "data": [%s],
                  "has_more": %s,
                  "url": "/v1/events"
                }""".formatted(page.stream().map(StoredEvent::json).collect(Collectors.joining(",\n")),
                from + limit < matching.size()));
    }

    private static String random(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
        }
        return text.toString();
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** One request the app made: form fields (POST) or query parameters (GET) decoded, header names lower-cased. */
    record Call(String method, String path, Map<String, String> headers, Map<String, String> params) {

        static Call read(HttpExchange exchange) throws IOException {
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT),
                    values.get(0)));
            String encoded = exchange.getRequestMethod().equals("GET") ? exchange.getRequestURI().getRawQuery()
                    : new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            return new Call(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers, decode(encoded));
        }

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        private static Map<String, String> decode(String encoded) {
            if (encoded == null || encoded.isEmpty()) {
                return Map.of();
            }
            return Arrays.stream(encoded.split("&"))
                    .map(pair -> pair.split("=", 2))
                    .collect(Collectors.toMap(pair -> URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                            pair -> pair.length == 1 ? "" : URLDecoder.decode(pair[1], StandardCharsets.UTF_8),
                            (first, second) -> second, LinkedHashMap::new));
        }
    }

    record Answer(int status, String body) {
    }

    /** A dispute on an intent's charge, as the stub keeps it. */
    record Dispute(String id, Intent intent, String status, String uncategorizedText, long created) {

        Dispute with(String newStatus, String newUncategorizedText) {
            return new Dispute(id, intent, newStatus, newUncategorizedText, created);
        }

        String json() {
            return """
                    {
                      "id": "%s",
                      "object": "dispute",
                      "amount": %d,
                      "balance_transactions": [{"id": "txn_1%s", "object": "balance_transaction", "amount": -%d, "currency": "%s", "fee": 1500, "reporting_category": "dispute", "type": "adjustment"}],
                      "charge": "%s",
                      "created": %d,
                      "currency": "%s",
                      "evidence": {"customer_communication": null, "product_description": null, "uncategorized_text": %s},
                      "evidence_details": {"due_by": %d, "has_evidence": %s, "past_due": false, "submission_count": %d},
                      "is_charge_refundable": false,
                      "livemode": false,
                      "metadata": {},
                      "payment_intent": "%s",
                      "reason": "fraudulent",
                      "status": "%s"
                    }""".formatted(id, intent.amount(), id.substring(4), intent.amount(), intent.currency(),
                    intent.chargeId(), created, intent.currency(), quoted(uncategorizedText), created + 7 * 86400,
                    uncategorizedText != null, status.equals("under_review") ? 1 : 0, intent.id(), status);
        }
    }

    private record StoredEvent(String id, String type, long created, String json) {
    }

    /**
     * A Checkout Session as the stub keeps it.
     *
     * @param sequence orders sessions created in the same second
     */
    record Session(String id, String url, String paymentId, String serviceType, long amount, String currency,
                   String itemName, String customerEmail, String successUrl, String cancelUrl, long expiresAt,
                   String status, String paymentStatus, String paymentIntent, long created, long sequence) {

        Session with(String newStatus, String newPaymentStatus, String newPaymentIntent) {
            return new Session(id, url, paymentId, serviceType, amount, currency, itemName, customerEmail, successUrl,
                    cancelUrl, expiresAt, newStatus, newPaymentStatus, newPaymentIntent, created, sequence);
        }

        String json() {
            return """
                    {
                      "id": "%s",
                      "object": "checkout.session",
                      "after_expiration": null,
                      "allow_promotion_codes": null,
                      "amount_subtotal": %d,
                      "amount_total": %d,
                      "automatic_tax": {"enabled": false, "liability": null, "status": null},
                      "billing_address_collection": null,
                      "cancel_url": %s,
                      "client_reference_id": %s,
                      "created": %d,
                      "currency": "%s",
                      "customer": null,
                      "customer_creation": "if_required",
                      "customer_details": %s,
                      "customer_email": %s,
                      "expires_at": %d,
                      "livemode": false,
                      "locale": null,
                      "metadata": {"payment_id": %s},
                      "mode": "payment",
                      "payment_intent": %s,
                      "payment_method_types": ["card"],
                      "payment_status": "%s",
                      "status": "%s",
                      "submit_type": null,
                      "success_url": %s,
                      "total_details": {"amount_discount": 0, "amount_shipping": 0, "amount_tax": 0},
                      "ui_mode": "hosted",
                      "url": %s
                    }""".formatted(id, amount, amount, quoted(cancelUrl), quoted(paymentId), created, currency,
                    status.equals("complete") ? "{\"email\": " + quoted(customerEmail) + ", \"name\": null}" : "null",
                    quoted(customerEmail), expiresAt, quoted(paymentId), quoted(paymentIntent), paymentStatus, status,
                    quoted(successUrl), status.equals("open") ? quoted(url) : "null");
        }
    }

    /** A refund as the stub keeps it; {@code ourRefundId} is the {@code metadata[refund_id]} the app sent. */
    record StubRefund(String id, String intentId, String chargeId, long amount, String currency, String ourRefundId,
                      String status, String failureReason, long created) {

        StubRefund failed(String reason) {
            return new StubRefund(id, intentId, chargeId, amount, currency, ourRefundId, "failed", reason, created);
        }

        /** @param charge the charge's id in quotes, or the charge object when expanded */
        String json(String charge) {
            return """
                    {
                      "id": "%s",
                      "object": "refund",
                      "amount": %d,
                      "balance_transaction": "txn_%s",
                      "charge": %s,
                      "created": %d,
                      "currency": "%s",
                      "destination_details": {"card": {"reference_status": "pending", "reference_type": "acquirer_reference_number", "type": "refund"}, "type": "card"},
                      "failure_reason": %s,
                      "metadata": %s,
                      "payment_intent": "%s",
                      "reason": null,
                      "receipt_number": null,
                      "source_transfer_reversal": null,
                      "status": "%s",
                      "transfer_reversal": null
                    }""".formatted(id, amount, id.substring(3), charge, created, currency, quoted(failureReason),
                    ourRefundId == null ? "{}" : "{\"refund_id\": " + quoted(ourRefundId) + "}", intentId, status);
        }
    }

    /** A PaymentIntent as the stub keeps it; its charge shares the intent's id suffix, as Stripe's do. */
    record Intent(String id, String clientSecret, String chargeId, long amount, String currency, String paymentId,
                  String serviceType, String description, String receiptEmail, String status,
                  String lastPaymentError, long amountRefunded, long created) {

        Intent withStatus(String newStatus, String newLastPaymentError) {
            return new Intent(id, clientSecret, chargeId, amount, currency, paymentId, serviceType, description,
                    receiptEmail, newStatus, newLastPaymentError, amountRefunded, created);
        }

        Intent withAmountRefunded(long newAmountRefunded) {
            return new Intent(id, clientSecret, chargeId, amount, currency, paymentId, serviceType, description,
                    receiptEmail, status, lastPaymentError, newAmountRefunded, created);
        }

        /** @param expandCharge whether the caller asked for {@code expand[]=latest_charge} */
        String json(boolean expandCharge) {
            boolean succeeded = status.equals("succeeded");
            String latestCharge = !succeeded ? "null" : expandCharge ? chargeJson() : "\"" + chargeId + "\"";
            return """
                    {
                      "id": "%s",
                      "object": "payment_intent",
                      "amount": %d,
                      "amount_capturable": 0,
                      "amount_details": {"tip": {}},
                      "amount_received": %d,
                      "application": null,
                      "automatic_payment_methods": {"allow_redirects": "always", "enabled": true},
                      "canceled_at": %s,
                      "cancellation_reason": null,
                      "capture_method": "automatic_async",
                      "client_secret": "%s",
                      "confirmation_method": "automatic",
                      "created": %d,
                      "currency": "%s",
                      "customer": null,
                      "description": %s,
                      "last_payment_error": %s,
                      "latest_charge": %s,
                      "livemode": false,
                      "metadata": {"payment_id": %s, "service_type": %s},
                      "next_action": null,
                      "payment_method": %s,
                      "payment_method_options": {"card": {"request_three_d_secure": "automatic"}, "link": {}},
                      "payment_method_types": ["card", "link"],
                      "receipt_email": %s,
                      "setup_future_usage": null,
                      "status": "%s"
                    }""".formatted(id, amount, succeeded ? amount : 0,
                    status.equals("canceled") ? Long.toString(Instant.now().getEpochSecond()) : "null", clientSecret,
                    created, currency, quoted(description), lastPaymentError == null ? "null" : lastPaymentError,
                    latestCharge, quoted(paymentId), quoted(serviceType),
                    succeeded || lastPaymentError != null ? "\"pm_1" + id.substring(4, 27) + "\"" : "null",
                    quoted(receiptEmail), status);
        }

        String chargeJson() {
            return """
                    {
                      "id": "%s",
                      "object": "charge",
                      "amount": %d,
                      "amount_captured": %d,
                      "amount_refunded": %d,
                      "balance_transaction": "txn_%s",
                      "captured": true,
                      "created": %d,
                      "currency": "%s",
                      "disputed": false,
                      "livemode": false,
                      "metadata": {"payment_id": %s, "service_type": %s},
                      "outcome": {"network_status": "approved_by_network", "reason": null, "risk_level": "normal", "seller_message": "Payment complete.", "type": "authorized"},
                      "paid": true,
                      "payment_intent": "%s",
                      "receipt_email": %s,
                      "refunded": %s,
                      "status": "succeeded"
                    }""".formatted(chargeId, amount, amount, amountRefunded, chargeId.substring(3), created + 2,
                    currency, quoted(paymentId), quoted(serviceType), id, quoted(receiptEmail),
                    amountRefunded == amount);
        }
    }
}
