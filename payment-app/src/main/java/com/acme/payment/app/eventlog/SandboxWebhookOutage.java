package com.acme.payment.app.eventlog;

import com.acme.payment.domain.port.in.ReceiveGatewayEventUseCase;

/**
 * Sandbox mode only: a switch that makes the sandbox's webhook deliveries fail as if the endpoint answered 503, so
 * that an outage can be drilled (bench/drill-webhook-outage.sh). The sandbox retries and gives up as Stripe does;
 * the app itself stays up, and backfill then finds the events in the sandbox's list.
 */
public class SandboxWebhookOutage {

    private volatile boolean down;

    public boolean isDown() {
        return down;
    }

    public void set(boolean down) {
        this.down = down;
    }

    /** What the sandbox delivers to: the real receiver, unless the switch is on. */
    public ReceiveGatewayEventUseCase guard(ReceiveGatewayEventUseCase receiver) {
        return (payload, signatureHeader) -> {
            if (down) {
                throw new EndpointUnavailableException();
            }
            return receiver.receive(payload, signatureHeader);
        };
    }

    /** What the sandbox's sender sees while the switch is on. */
    public static class EndpointUnavailableException extends RuntimeException {

        EndpointUnavailableException() {
            super("webhook endpoint answered 503 (sandbox webhook outage switched on)");
        }
    }
}
