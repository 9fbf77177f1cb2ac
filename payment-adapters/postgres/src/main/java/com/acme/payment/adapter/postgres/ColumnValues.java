package com.acme.payment.adapter.postgres;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** How Java values are written to and read from columns: jsonb as JSON text, timestamptz via UTC, enums lowercase. */
final class ColumnValues {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {
    };

    private ColumnValues() {
    }

    static String json(Map<String, String> values) {
        return JSON.writeValueAsString(values == null ? Map.of() : values);
    }

    static Map<String, String> stringMap(String json) {
        return json == null ? Map.of() : JSON.readValue(json, STRING_MAP);
    }

    /** pgjdbc binds {@link OffsetDateTime} to timestamptz exactly; it has no mapping for {@link Instant}. */
    static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static String lowerName(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT);
    }

    static <E extends Enum<E>> E fromLowerName(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name.toUpperCase(Locale.ROOT));
    }
}
