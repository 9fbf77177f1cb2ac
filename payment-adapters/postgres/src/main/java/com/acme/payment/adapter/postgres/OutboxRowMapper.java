package com.acme.payment.adapter.postgres;

import com.acme.payment.domain.notification.Notification;
import com.acme.payment.domain.notification.NotificationKind;
import com.acme.payment.domain.notification.OutboxMessage;
import com.acme.payment.domain.model.PaymentId;
import java.util.Map;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.ReportingPolicy;
import org.mapstruct.factory.Mappers;

/** Outbox rows to notifications and back; kinds are stored in lower case, template data as jsonb. */
@Mapper(unmappedTargetPolicy = ReportingPolicy.ERROR)
interface OutboxRowMapper {

    OutboxRowMapper INSTANCE = Mappers.getMapper(OutboxRowMapper.class);

    /** For queuing: the id and attempt count are the database's. */
    @Mapping(target = "id", ignore = true)
    @Mapping(target = "attempts", ignore = true)
    OutboxRow toRow(Notification notification);

    @Mapping(target = "notification", source = ".")
    OutboxMessage toMessage(OutboxRow row);

    Notification toNotification(OutboxRow row);

    default String paymentId(PaymentId id) {
        return id == null ? null : id.value();
    }

    default PaymentId paymentId(String value) {
        return value == null ? null : new PaymentId(value);
    }

    default String kind(NotificationKind kind) {
        return ColumnValues.lowerName(kind);
    }

    default NotificationKind kind(String kind) {
        return ColumnValues.fromLowerName(NotificationKind.class, kind);
    }

    default String data(Map<String, String> data) {
        return ColumnValues.json(data);
    }

    default Map<String, String> data(String json) {
        return ColumnValues.stringMap(json);
    }
}
