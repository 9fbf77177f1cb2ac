package com.acme.payment.app.web;

import com.acme.payment.app.web.dto.AdminPayment;
import com.acme.payment.app.web.dto.AdminPaymentDetail;
import com.acme.payment.app.web.dto.AdminPaymentPage;
import com.acme.payment.app.web.dto.DisputePageResponse;
import com.acme.payment.app.web.dto.DisputeResponse;
import com.acme.payment.app.web.dto.DailyStats;
import com.acme.payment.app.web.dto.PaymentStats;
import com.acme.payment.app.web.dto.PaymentStatusResponse;
import com.acme.payment.app.web.dto.RefundResponse;
import com.acme.payment.app.web.dto.StatusChangeResponse;
import com.acme.payment.domain.model.ChangeSource;
import com.acme.payment.domain.model.Dispute;
import com.acme.payment.domain.model.DisputeStatus;
import com.acme.payment.domain.model.Payment;
import com.acme.payment.domain.model.PaymentId;
import com.acme.payment.domain.model.PaymentSnapshot;
import com.acme.payment.domain.model.PaymentStatus;
import com.acme.payment.domain.model.Refund;
import com.acme.payment.domain.model.StatusChange;
import com.acme.payment.domain.query.DisputePage;
import com.acme.payment.domain.query.DailyStatistics;
import com.acme.payment.domain.query.PaymentDetails;
import com.acme.payment.domain.query.PaymentPage;
import com.acme.payment.domain.query.PaymentStatistics;
import com.acme.payment.domain.query.PaymentStatusView;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/** Domain → web DTOs. The DTOs follow openapi.yaml; domain types never reach the JSON contract. */
@Mapper(componentModel = "spring")
public interface PaymentWebMapper {

    @Mapping(target = "paymentId", source = "id")
    PaymentStatusResponse toStatusResponse(PaymentStatusView payment);

    /** @param attentionReason why the payment needs attention; null when it does not */
    default AdminPayment toAdminPayment(Payment payment, String attentionReason) {
        return toAdminPayment(payment.snapshot(), attentionReason);
    }

    @Mapping(target = "paymentId", source = "payment.id")
    @Mapping(target = "name", source = "payment.customerName")
    @Mapping(target = "email", source = "payment.customerEmail")
    @Mapping(target = "needsAttention", expression = "java(attentionReason != null)")
    @Mapping(target = "attentionReason", source = "attentionReason")
    AdminPayment toAdminPayment(PaymentSnapshot payment, String attentionReason);

    default AdminPaymentDetail toDetail(PaymentDetails details, String attentionReason) {
        return toDetail(details.payment().snapshot(), details, attentionReason);
    }

    @Mapping(target = "paymentId", source = "payment.id")
    @Mapping(target = "name", source = "payment.customerName")
    @Mapping(target = "email", source = "payment.customerEmail")
    @Mapping(target = "serviceType", source = "payment.serviceType")
    @Mapping(target = "amount", source = "payment.amount")
    @Mapping(target = "currency", source = "payment.currency")
    @Mapping(target = "status", source = "payment.status")
    @Mapping(target = "gateway", source = "payment.gateway")
    @Mapping(target = "gatewayReference", source = "payment.gatewayReference")
    @Mapping(target = "transactionId", source = "payment.transactionId")
    @Mapping(target = "failureCode", source = "payment.failureCode")
    @Mapping(target = "failureMessage", source = "payment.failureMessage")
    @Mapping(target = "refundedAmount", source = "payment.refundedAmount")
    @Mapping(target = "createdAt", source = "payment.createdAt")
    @Mapping(target = "updatedAt", source = "payment.updatedAt")
    @Mapping(target = "history", source = "details.history")
    @Mapping(target = "refunds", source = "details.refunds")
    @Mapping(target = "disputes", source = "details.disputes")
    @Mapping(target = "needsAttention", expression = "java(attentionReason != null)")
    @Mapping(target = "attentionReason", source = "attentionReason")
    AdminPaymentDetail toDetail(PaymentSnapshot payment, PaymentDetails details, String attentionReason);

    DisputeResponse toDispute(Dispute dispute);

    default DisputePageResponse toDisputePage(DisputePage page) {
        return new DisputePageResponse(page.items().stream().map(this::toDispute).toList(), page.page(), page.size(),
                page.totalItems(), page.totalPages());
    }

    default String disputeStatus(DisputeStatus status) {
        return status.apiName();
    }

    StatusChangeResponse toStatusChange(StatusChange change);

    RefundResponse toRefund(Refund refund);

    default AdminPaymentPage toPage(PaymentPage page, Map<PaymentId, String> attentionReasons) {
        return new AdminPaymentPage(page.items().stream()
                .map(payment -> toAdminPayment(payment, attentionReasons.get(payment.id()))).toList(), page.page(),
                page.size(), page.totalItems(), page.totalPages());
    }

    default PaymentStats toStats(PaymentStatistics statistics, Instant from, Instant to) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (PaymentStatus status : PaymentStatus.values()) {
            counts.put(status.apiName(), statistics.countsByStatus().getOrDefault(status, 0L));
        }
        return new PaymentStats(from, to, counts, statistics.revenue().stream()
                .map(revenue -> new PaymentStats.CurrencyRevenue(revenue.currency(), revenue.grossAmount(),
                        revenue.refundedAmount(), revenue.disputedAmount(), revenue.netAmount()))
                .toList());
    }

    default DailyStats toDailyStats(DailyStatistics statistics) {
        return new DailyStats(statistics.days().stream().map(day -> new DailyStats.Day(day.date(), day.currency(),
                        day.net(), day.succeeded(), day.failed())).toList(),
                statistics.declineReasons().stream()
                        .map(reason -> new DailyStats.DeclineReason(reason.reason(), reason.count())).toList());
    }

    default String paymentId(PaymentId id) {
        return id.value();
    }

    default String status(PaymentStatus status) {
        return status == null ? null : status.apiName();
    }

    default String source(ChangeSource source) {
        return source.name().toLowerCase(Locale.ROOT);
    }

    default String refundStatus(Refund.Status status) {
        return status.name().toLowerCase(Locale.ROOT);
    }
}
