package com.acme.payment.app.web;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;

/** A request whose body fails to read past {@code maxBytes}; the advice answers that with 413. */
class SizeLimitedRequest extends HttpServletRequestWrapper {

    private final long maxBytes;

    SizeLimitedRequest(HttpServletRequest request, long maxBytes) {
        super(request);
        this.maxBytes = maxBytes;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        ServletInputStream body = super.getInputStream();
        return new ServletInputStream() {
            private long read;

            @Override
            public int read() throws IOException {
                int next = body.read();
                if (next >= 0) {
                    count(1);
                }
                return next;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int count = body.read(buffer, offset, length);
                if (count > 0) {
                    count(count);
                }
                return count;
            }

            private void count(int bytes) throws BodyTooLargeException {
                read += bytes;
                if (read > maxBytes) {
                    throw new BodyTooLargeException(maxBytes);
                }
            }

            @Override
            public boolean isFinished() {
                return body.isFinished();
            }

            @Override
            public boolean isReady() {
                return body.isReady();
            }

            @Override
            public void setReadListener(ReadListener listener) {
                body.setReadListener(listener);
            }
        };
    }

    static class BodyTooLargeException extends IOException {

        BodyTooLargeException(long maxBytes) {
            super("The request body is larger than " + maxBytes + " bytes.");
        }
    }
}
