package com.acme.payment.adapter.postgres;

import com.acme.payment.domain.model.Payment;
import com.acme.payment.domain.model.PaymentId;
import com.acme.payment.domain.model.PaymentSnapshot;
import com.acme.payment.domain.model.PaymentStatus;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@code payments} table, derived from the one list of a payment's stored fields, {@link PaymentSnapshot}:
 * each field is the column of the same name in snake case ({@code id} is {@code payment_id}), so a new field
 * needs a column and nothing else here. The SQL stays explicit; only its column lists are derived.
 */
final class PaymentTable {

    /** The fields a payment's changes touch; the others are written once, when it is created. */
    private static final Set<String> CHANGING = Set.of("status", "gatewayReference", "transactionId", "failureCode",
            "failureMessage", "refundedAmount", "refundReservedAmount", "updatedAt", "checkoutSessionId");

    private static final List<RecordComponent> FIELDS = List.of(PaymentSnapshot.class.getRecordComponents());
    private static final Constructor<PaymentSnapshot> CONSTRUCTOR = invoke(() -> PaymentSnapshot.class
            .getDeclaredConstructor(FIELDS.stream().map(RecordComponent::getType).toArray(Class<?>[]::new)));

    /** Each field's column, in the fields' order: worked out once, not per row. */
    private static final List<String> COLUMN_NAMES = FIELDS.stream().map(PaymentTable::column).toList();

    static final String COLUMNS = String.join(", ", COLUMN_NAMES);
    static final String SELECT = "SELECT " + COLUMNS + " FROM payments";
    /** A new payment is stored at version 0, whatever its snapshot says. */
    static final String INSERT = "INSERT INTO payments (" + COLUMNS + ") VALUES ("
            + FIELDS.stream().map(field -> switch (field.getName()) {
                case "version" -> "0";
                case "metadata" -> "CAST(:metadata AS jsonb)";
                default -> ":" + field.getName();
            }).collect(Collectors.joining(", ")) + ")";
    static final String UPDATE = "UPDATE payments SET "
            + FIELDS.stream().filter(field -> CHANGING.contains(field.getName()))
                    .map(field -> column(field) + " = :" + field.getName()).collect(Collectors.joining(", "))
            + ", version = version + 1 WHERE payment_id = :id AND version = :version";

    private PaymentTable() {
    }

    /** The snapshot's fields as named parameters, in their column types. */
    static Map<String, Object> parameters(PaymentSnapshot snapshot) {
        Map<String, Object> parameters = new HashMap<>();
        for (RecordComponent field : FIELDS) {
            parameters.put(field.getName(), toColumn(invoke(() -> field.getAccessor().invoke(snapshot))));
        }
        return parameters;
    }

    static Payment read(ResultSet row, int rowNumber) throws SQLException {
        Object[] values = new Object[FIELDS.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = fromColumn(row, COLUMN_NAMES.get(i), FIELDS.get(i).getType());
        }
        return Payment.reconstitute(invoke(() -> CONSTRUCTOR.newInstance(values)));
    }

    private static String column(RecordComponent field) {
        return field.getName().equals("id") ? "payment_id"
                : field.getName().replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
    }

    private static Object toColumn(Object value) {
        if (value instanceof PaymentId id) {
            return id.value();
        } else if (value instanceof PaymentStatus status) {
            return status.apiName();
        } else if (value instanceof Instant instant) {
            return ColumnValues.timestamp(instant);
        } else if (value instanceof Map<?, ?> map) {
            return ColumnValues.json(stringMap(map));
        }
        return value;
    }

    private static Object fromColumn(ResultSet row, String column, Class<?> type) throws SQLException {
        if (type == String.class) {
            return row.getString(column);
        } else if (type == long.class) {
            return row.getLong(column);
        } else if (type == Instant.class) {
            return ColumnValues.instant(row, column);
        } else if (type == PaymentId.class) {
            return new PaymentId(row.getString(column));
        } else if (type == PaymentStatus.class) {
            return PaymentStatus.fromApiName(row.getString(column));
        } else if (type == Map.class) {
            return ColumnValues.stringMap(row.getString(column));
        }
        throw new IllegalStateException("no column mapping for " + type + " (" + column + ")");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> stringMap(Map<?, ?> map) {
        return (Map<String, String>) map;
    }

    private interface Reflective<T> {
        T call() throws ReflectiveOperationException;
    }

    private static <T> T invoke(Reflective<T> call) {
        try {
            return call.call();
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("PaymentSnapshot cannot be mapped", e);
        }
    }
}
