package com.acme.payment.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TypedTextTest {

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(ints = {0x00, 0x09, 0x0A, 0x0D, 0x1B, 0x7F, 0x85, 0x9F, 0x2028, 0x2029, 0x202A, 0x202E, 0x2066,
            0x2069, 0xD800})
    void control_line_breaking_and_bidi_characters_are_refused_naming_the_field(int codePoint) {
        String value = "Ada" + new String(Character.toChars(codePoint)) + "Lovelace";

        assertThatThrownBy(() -> TypedText.require("name", value, 100))
                .isInstanceOfSatisfying(InvalidPaymentRequestException.class, e ->
                        assertThat(e.field()).isEqualTo("name"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ada Lovelace", "Zoë Ångström", "محمد", "李小龙", "O'Brien-Smith", "\u200Fמרים"})
    void ordinary_names_in_any_script_pass_unchanged(String name) {
        assertThat(TypedText.require("name", name, 100)).isEqualTo(name);
    }

    @Test
    void length_counts_characters_not_utf16_units() {
        String sixtyEmoji = "😀".repeat(60);
        assertThat(TypedText.require("name", sixtyEmoji, 60)).isEqualTo(sixtyEmoji);

        assertThatThrownBy(() -> TypedText.require("name", sixtyEmoji + "😀", 60))
                .isInstanceOfSatisfying(InvalidPaymentRequestException.class, e ->
                        assertThat(e.field()).isEqualTo("name"));
    }

    @Test
    void null_passes_because_whether_a_value_is_required_is_the_callers_rule() {
        assertThat(TypedText.require("reason", null, 500)).isNull();
    }
}
