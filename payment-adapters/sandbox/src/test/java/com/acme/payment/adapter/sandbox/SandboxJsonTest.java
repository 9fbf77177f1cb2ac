package com.acme.payment.adapter.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SandboxJsonTest {

    @Test
    void writesNestedValuesThatAJsonParserReadsBack() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("text", "quote \" backslash \\ newline \n tab \t bell \u0007 separator \u2028 ünï ¥");
        value.put("number", 99_999_999L);
        value.put("flag", false);
        value.put("nothing", null);
        value.put("list", Arrays.asList("card", null, 3));
        value.put("nested", Map.of("type", "use_stripe_sdk"));

        JsonObject read = JsonParser.parseString(SandboxJson.write(value)).getAsJsonObject();

        assertThat(read.get("text").getAsString()).isEqualTo(value.get("text"));
        assertThat(read.get("number").getAsLong()).isEqualTo(99_999_999L);
        assertThat(read.get("flag").getAsBoolean()).isFalse();
        assertThat(read.get("nothing").isJsonNull()).isTrue();
        assertThat(read.getAsJsonArray("list")).hasSize(3);
        assertThat(read.getAsJsonObject("nested").get("type").getAsString()).isEqualTo("use_stripe_sdk");
    }

    @Test
    void keepsTheOrderOfTheMembers() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("id", "evt_1");
        value.put("object", "event");

        assertThat(SandboxJson.write(value)).isEqualTo("{\"id\":\"evt_1\",\"object\":\"event\"}");
        assertThat(SandboxJson.write(List.of())).isEqualTo("[]");
    }

    @Test
    void refusesValuesJsonCannotHold() {
        assertThatThrownBy(() -> SandboxJson.write(Map.of("when", new Object())))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
