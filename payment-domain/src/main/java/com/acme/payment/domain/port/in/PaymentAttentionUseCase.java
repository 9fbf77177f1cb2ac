package com.acme.payment.domain.port.in;

import com.acme.payment.domain.model.PaymentId;
import java.util.Collection;
import java.util.Map;

/** What only a person can settle now, shown in the admin list and detail. */
public interface PaymentAttentionUseCase {

    /** The payments among {@code paymentIds} that need attention, each with why; the others are absent. */
    Map<PaymentId, String> needingAttention(Collection<PaymentId> paymentIds);
}
