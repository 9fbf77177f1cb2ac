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
import java.util.Arrays;
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
 * class path). It keeps PaymentIntents, answers create, retrieve, cancel and refund calls with the JSON Stripe
 * writes, replays a POST's answer for a repeated Idempotency-Key as Stripe does, and records every request so that
 * tests can check what the app sent. A route can be made to answer an error (an outage before Stripe did anything,
 * so nothing is saved for the key) until {@link #answerNormally()}, and refund calls can lose their answer (Stripe
 * made the refund, the connection dropped before the app heard so). Refunds are kept, listed and can fail later.
 */
final class StripeApiStub {

    private static final Pattern INTENT_PATH = Pattern.compile("/v1/payment_intents/(pi_[A-Za-z0-9]+)(/cancel)?");
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpServer server;
    private final Map<String, Intent> intents = new ConcurrentHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, Answer> scripted = new ConcurrentHashMap<>();
    private final Map<String, Answer> byIdempotencyKey = new ConcurrentHashMap<>();
    private final List<RuntimeException> stubErrors = new CopyOnWriteArrayList<>();
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

    /** The customer paid: Stripe now reports the intent succeeded with a charge. */
    void succeed(String intentId) {
        intents.computeIfPresent(intentId, (id, intent) -> intent.withStatus("succeeded", null));
    }

    /** The card was declined: Stripe puts the intent back to requires_payment_method with the error. */
    void decline(String intentId, String declineCode, String message) {
        intents.computeIfPresent(intentId, (id, intent) -> intent.withStatus("requires_payment_method",
                cardError("card_declined", declineCode, message)));
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
