package com.acme.payment.adapter.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README tells operators which event types to enable; it must name exactly the ones the code handles. */
class HandledStripeEventsTest {

    private static final Path README = Path.of("..", "..", "README.md");
    private static final String START = "<!-- stripe-event-types -->";
    private static final String END = "<!-- /stripe-event-types -->";
    private static final Pattern LISTED_TYPE = Pattern.compile("^- `([a-z_.]+)`$", Pattern.MULTILINE);

    @Test
    void the_readme_lists_exactly_the_event_types_the_code_handles() throws IOException {
        String readme = Files.readString(README);
        int start = readme.indexOf(START);
        int end = readme.indexOf(END);
        assertThat(start).as("README.md needs a block between %s and %s listing, one per line as - `type`: %s",
                START, END, HandledStripeEvents.TYPES).isNotNegative();
        assertThat(end).as("README.md's %s block is not closed by %s", START, END).isGreaterThan(start);

        Set<String> listed = new LinkedHashSet<>();
        Matcher types = LISTED_TYPE.matcher(readme.substring(start, end));
        while (types.find()) {
            listed.add(types.group(1));
        }
        Set<String> missing = new LinkedHashSet<>(HandledStripeEvents.TYPES);
        missing.removeAll(listed);
        Set<String> extra = new LinkedHashSet<>(listed);
        HandledStripeEvents.TYPES.forEach(extra::remove);

        assertThat(missing).as("handled by the code (HandledStripeEvents) but missing from README.md's list").isEmpty();
        assertThat(extra).as("listed in README.md but not handled by the code (HandledStripeEvents)").isEmpty();
    }
}
