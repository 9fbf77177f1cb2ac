package com.acme.payment.app.web;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a request's body into memory before the app sees it, without holding a thread while it arrives.
 * A blocking read holds a thread for as long as the client takes, and the server's idle timeout is per read:
 * 200 clients sending a byte every 2 s took every thread. Here Servlet non-blocking I/O fills a
 * buffer, the async timeout bounds the whole body (408), the buffer is capped (413), and the request is then
 * dispatched again with its body in memory. A body that is already all there when the request arrives is read at
 * once, without the dispatch. Requests without a body, like the status poll, pass straight on.
 */
class RequestBodyFilter extends HttpFilter {

    private static final String BODY = RequestBodyFilter.class.getName() + ".body";

    private final long maxBytes;
    private final long timeoutMillis;
    private final JsonMapper json;

    RequestBodyFilter(long maxBytes, Duration timeout, JsonMapper json) {
        this.maxBytes = maxBytes;
        this.timeoutMillis = timeout.toMillis();
        this.json = json;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getDispatcherType() == DispatcherType.ASYNC && request.getAttribute(BODY) instanceof byte[] body) {
            request.removeAttribute(BODY);
            chain.doFilter(new BufferedBodyRequest(request, body), response);
            return;
        }
        long length = request.getContentLengthLong();
        boolean chunked = length < 0 && request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
        if (request.getDispatcherType() != DispatcherType.REQUEST || (length <= 0 && !chunked)) {
            chain.doFilter(request, response);
            return;
        }
        if (length > 0 && length <= maxBytes && request.getInputStream().available() >= length) {
            // The whole body came with the headers (a small JSON body usually does): reading it blocks no one.
            chain.doFilter(new BufferedBodyRequest(request, request.getInputStream().readNBytes((int) length)),
                    response);
            return;
        }
        AsyncContext async = request.startAsync();
        async.setTimeout(timeoutMillis);
        BodyReader reader = new BodyReader(async, request.getInputStream(), response);
        async.addListener(reader);
        if (length > maxBytes) {
            reader.reject();
        }
        request.getInputStream().setReadListener(reader);
    }

    /** Called by the container as bytes arrive, each time on a thread that it lends for that call only. */
    private final class BodyReader implements ReadListener, AsyncListener {

        private final AsyncContext async;
        private final ServletInputStream input;
        private final HttpServletResponse response;
        /** Grows with what arrives: a client that announces a large body and trickles it pins little memory. */
        private final ByteArrayOutputStream body = new ByteArrayOutputStream(1024);
        private boolean rejected;

        BodyReader(AsyncContext async, ServletInputStream input, HttpServletResponse response) {
            this.async = async;
            this.input = input;
            this.response = response;
        }

        /**
         * Answers 413 at once but keeps the connection until the rest of the body is in (or the timeout): closing
         * it with bytes unread resets it, and the client may never see the answer. Draining the body in a
         * blocking read instead would hold a thread for as long as the client trickles.
         */
        void reject() throws IOException {
            rejected = true;
            RequestLimitsConfiguration.writeProblem(response, json, ProblemDetailsAdvice.problem(
                    ProblemType.PAYLOAD_TOO_LARGE, "The request body is larger than " + maxBytes + " bytes."));
        }

        @Override
        public void onDataAvailable() throws IOException {
            byte[] chunk = new byte[8192];
            while (input.isReady()) {
                int count = input.read(chunk);
                if (count < 0) {
                    return;
                }
                if (rejected) {
                    continue;
                }
                if (body.size() + count > maxBytes) {
                    reject();
                } else {
                    body.write(chunk, 0, count);
                }
            }
        }

        @Override
        public void onAllDataRead() {
            if (rejected) {
                async.complete();
                return;
            }
            async.getRequest().setAttribute(BODY, body.toByteArray());
            async.dispatch();
        }

        /** The client went away, or was silent for longer than the server's idle timeout. */
        @Override
        public void onError(Throwable error) {
            async.complete();
        }

        @Override
        public void onTimeout(AsyncEvent event) throws IOException {
            if (!rejected) {
                RequestLimitsConfiguration.writeProblem(response, json, ProblemDetailsAdvice.problem(
                        ProblemType.REQUEST_TIMEOUT, "The request body did not arrive within " + timeoutMillis + " ms."));
            }
            async.complete();
        }

        @Override
        public void onComplete(AsyncEvent event) {
        }

        @Override
        public void onError(AsyncEvent event) {
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
        }
    }

    /**
     * The request as the app sees it: its body comes from memory, and this dispatch is its first pass through
     * the app, so filters that skip async dispatches (Spring Security's among them) run as for any request.
     */
    private static final class BufferedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        BufferedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public DispatcherType getDispatcherType() {
            return DispatcherType.REQUEST;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream bytes = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return bytes.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("The body has already been read into memory.");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding != null ? Charset.forName(encoding) : StandardCharsets.ISO_8859_1;
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }
}
