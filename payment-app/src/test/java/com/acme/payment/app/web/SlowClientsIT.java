package com.acme.payment.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.payment.app.AbstractAppIT;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Clients that send a body a byte at a time. The server has 100 threads and its idle timeout is per read: a
 * blocking body read (or the server draining the body it refused) let such clients hold every thread.
 */
class SlowClientsIT extends AbstractAppIT {

    private static final String CREATE = "/api/payment/stripe/create-intent";
    private static final String BODY = "{\"name\":\"Ada\",\"email\":\"ada@example.com\",\"serviceType\":\"pon-ftth\","
            + "\"amount\":1250,\"currency\":\"USD\"}";
    private static final int TRICKLERS = 250;
    private static final Duration TRICKLE_INTERVAL = Duration.ofSeconds(2);
    private static final Duration CLOSED_WITHIN = Duration.ofSeconds(15);

    @Test
    void clients_trickling_a_body_do_not_slow_status_polls_and_are_closed_after_the_body_timeout() throws Exception {
        HttpResponse<String> created = postJson(CREATE, BODY, Map.of());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        HttpRequest poll = HttpRequest.newBuilder(uri("/api/payment/status/" + body(created).get("paymentId").asString()))
                .timeout(Duration.ofSeconds(2)).GET().build();

        try (Tricklers tricklers = new Tricklers()) {
            CompletableFuture<List<Closed>> closedConnections = CompletableFuture.supplyAsync(tricklers::trickleUntilClosed);
            Thread.sleep(1000);
            List<Long> pollMillis = new ArrayList<>();
            int timeouts = 0;
            while (!closedConnections.isDone()) {
                long start = System.nanoTime();
                try {
                    assertThat(HTTP.send(poll, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
                    pollMillis.add((System.nanoTime() - start) / 1_000_000);
                } catch (HttpTimeoutException e) {
                    timeouts++;
                }
                Thread.sleep(50);
            }

            assertThat(timeouts).as("status polls that timed out").isZero();
            assertThat(pollMillis).hasSizeGreaterThan(20);
            assertThat(pollMillis.stream().sorted().toList().get(pollMillis.size() * 95 / 100))
                    .as("p95 of %s status polls, ms", pollMillis.size()).isLessThan(1000);
            List<Closed> closed = closedConnections.get();
            assertThat(closed).as("trickling connections closed by the server").hasSize(TRICKLERS)
                    .allSatisfy(connection -> assertThat(connection.afterMillis()).isLessThan(CLOSED_WITHIN.toMillis()));
            assertThat(closed).filteredOn(connection -> !connection.statusLine().isEmpty())
                    .as("answers read before the connection closed").hasSizeGreaterThan(TRICKLERS / 2)
                    .allSatisfy(connection -> assertThat(connection.statusLine()).startsWith(connection.expected()));
        }
    }

    @Test
    void a_body_has_to_arrive_within_the_timeout_in_all_not_per_read() throws IOException, InterruptedException {
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        try (Socket slowButInTime = new Socket("localhost", port); Socket trickling = new Socket("localhost", port)) {
            slowButInTime.setSoTimeout((int) CLOSED_WITHIN.toMillis());
            trickling.setSoTimeout((int) CLOSED_WITHIN.toMillis());
            slowButInTime.getOutputStream().write(headers(body.length));
            trickling.getOutputStream().write(headers(body.length));
            // Both send something every second for 4 s, less than the 5 s timeout; one of them sends all of it.
            for (int second = 0; second < 4; second++) {
                slowButInTime.getOutputStream().write(body, second * body.length / 4,
                        (second + 1) * body.length / 4 - second * body.length / 4);
                trickling.getOutputStream().write(body[second]);
                Thread.sleep(1000);
            }

            assertThat(response(slowButInTime.getInputStream())).startsWith("HTTP/1.1 201 ");
            assertThat(response(trickling.getInputStream())).startsWith("HTTP/1.1 408 ")
                    .contains("Content-Type: application/problem+json")
                    .contains("\"type\":\"urn:payment:problem:request-timeout\"");
        }
    }

    @Test
    void a_client_that_stops_inside_its_headers_is_disconnected_after_the_connection_timeout() throws IOException {
        try (Socket stalled = new Socket("localhost", port)) {
            stalled.setSoTimeout((int) CLOSED_WITHIN.toMillis());
            stalled.getOutputStream().write(("POST " + CREATE + " HTTP/1.1\r\nHost: loc").getBytes(StandardCharsets.US_ASCII));

            assertThat(stalled.getInputStream().read()).as("end of stream within the socket timeout").isEqualTo(-1);
        }
    }

    private static byte[] headers(int contentLength) {
        return ("POST " + CREATE + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Connection: close\r\nContent-Length: " + contentLength + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** Everything the server sends until it closes the connection. */
    private static String response(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    /** How long after the trickle began the server closed a connection, and what it answered. */
    private record Closed(long afterMillis, String expected, String statusLine) {
    }

    /**
     * Connections that each send a create-intent's headers and then one byte of its body every 2 s: half of them
     * announce a body within payment.max-body-bytes (408 once the body timeout is over), half one above it (413).
     */
    private final class Tricklers implements AutoCloseable {

        private final Selector selector = Selector.open();

        Tricklers() throws IOException {
            for (int i = 0; i < TRICKLERS; i++) {
                boolean tooLarge = i % 2 == 1;
                SocketChannel channel = SocketChannel.open(new InetSocketAddress("localhost", port));
                channel.write(ByteBuffer.wrap(headers(tooLarge ? 100_000 : BODY.length())));
                channel.configureBlocking(false);
                channel.register(selector, SelectionKey.OP_READ, new Trickler(tooLarge ? "HTTP/1.1 413 " : "HTTP/1.1 408 "));
            }
        }

        List<Closed> trickleUntilClosed() {
            List<Closed> closed = new ArrayList<>();
            long start = System.nanoTime();
            long nextByte = start;
            ByteBuffer buffer = ByteBuffer.allocate(4096);
            try {
                while (!selector.keys().isEmpty() && System.nanoTime() - start < CLOSED_WITHIN.toNanos() * 2) {
                    if (System.nanoTime() >= nextByte) {
                        for (SelectionKey key : selector.keys()) {
                            writeOneByte(key);
                        }
                        nextByte += TRICKLE_INTERVAL.toNanos();
                    }
                    selector.select(100);
                    for (SelectionKey key : selector.selectedKeys()) {
                        Trickler trickler = (Trickler) key.attachment();
                        if (trickler.readUntilClosed((SocketChannel) key.channel(), buffer)) {
                            closed.add(new Closed((System.nanoTime() - start) / 1_000_000, trickler.expected,
                                    trickler.statusLine()));
                        }
                    }
                    selector.selectedKeys().clear();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return closed;
        }

        private void writeOneByte(SelectionKey key) {
            try {
                ((SocketChannel) key.channel()).write(ByteBuffer.wrap(new byte[] {' '}));
            } catch (IOException closedByTheServer) {
                // seen by the read side too
            }
        }

        @Override
        public void close() throws IOException {
            for (SelectionKey key : selector.keys()) {
                key.channel().close();
            }
            selector.close();
        }
    }

    private static final class Trickler {

        private final String expected;
        private final StringBuilder received = new StringBuilder();

        Trickler(String expected) {
            this.expected = expected;
        }

        /** True once the server has closed the connection. */
        boolean readUntilClosed(SocketChannel channel, ByteBuffer buffer) throws IOException {
            int count;
            try {
                buffer.clear();
                count = channel.read(buffer);
            } catch (IOException reset) {
                count = -1;
            }
            if (count > 0) {
                received.append(new String(buffer.array(), 0, count, StandardCharsets.UTF_8));
            } else if (count < 0) {
                channel.close();
            }
            return count < 0;
        }

        String statusLine() {
            int end = received.indexOf("\r\n");
            return end < 0 ? "" : received.substring(0, end);
        }
    }
}
