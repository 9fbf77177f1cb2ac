package com.acme.payment.domain.port.in;

import com.acme.payment.domain.model.DisputeStatus;
import com.acme.payment.domain.query.DisputePage;

public interface ListDisputesUseCase {

    /** @param status null for every status */
    DisputePage list(DisputeStatus status, int page, int size);
}
