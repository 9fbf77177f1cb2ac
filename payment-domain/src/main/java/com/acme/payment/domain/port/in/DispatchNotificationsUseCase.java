package com.acme.payment.domain.port.in;

/** Sends what the outbox holds that is due. */
public interface DispatchNotificationsUseCase {

    /** @return how many messages were sent */
    int dispatchDue();
}
