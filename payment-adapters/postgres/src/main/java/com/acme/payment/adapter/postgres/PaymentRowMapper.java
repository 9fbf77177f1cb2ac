package com.acme.payment.adapter.postgres;

import com.acme.payment.domain.model.ChangeSource;
import com.acme.payment.domain.model.PaymentId;
import com.acme.payment.domain.model.PaymentStatus;
import com.acme.payment.domain.model.Refund;
import com.acme.payment.domain.model.StatusChange;
import org.mapstruct.InheritInverseConfiguration;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.ReportingPolicy;
import org.mapstruct.factory.Mappers;

/**
 * Rows of payment history and refunds, to domain values and back. Statuses are stored by their API names, other
 * enums in lower case. Payments themselves are mapped by {@link PaymentTable}.
 */
@Mapper(unmappedTargetPolicy = ReportingPolicy.ERROR)
interface PaymentRowMapper {

    PaymentRowMapper INSTANCE = Mappers.getMapper(PaymentRowMapper.class);

    @Mapping(target = "fromStatus", source = "from")
    @Mapping(target = "toStatus", source = "to")
    StatusChangeRow toRow(StatusChange change);

    @InheritInverseConfiguration
    StatusChange toStatusChange(StatusChangeRow row);

    RefundRow toRow(Refund refund);

    /** {@code Refund.succeeded(String)} looks like a fluent setter to MapStruct; the constructor sets everything. */
    @Mapping(target = "succeeded", ignore = true)
    Refund toRefund(RefundRow row);

    default String paymentId(PaymentId id) {
        return id == null ? null : id.value();
    }

    default PaymentId paymentId(String value) {
        return value == null ? null : new PaymentId(value);
    }

    default String status(PaymentStatus status) {
        return status == null ? null : status.apiName();
    }

    default PaymentStatus status(String apiName) {
        return apiName == null ? null : PaymentStatus.fromApiName(apiName);
    }

    default String source(ChangeSource source) {
        return ColumnValues.lowerName(source);
    }

    default ChangeSource source(String source) {
        return ColumnValues.fromLowerName(ChangeSource.class, source);
    }

    default String refundStatus(Refund.Status status) {
        return ColumnValues.lowerName(status);
    }

    default Refund.Status refundStatus(String status) {
        return ColumnValues.fromLowerName(Refund.Status.class, status);
    }
}
