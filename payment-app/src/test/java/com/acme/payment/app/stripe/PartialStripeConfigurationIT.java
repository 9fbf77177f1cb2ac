package com.acme.payment.app.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.acme.payment.app.PaymentApplication;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Some Stripe keys but not all is a mistake the operator must hear about at start-up, by variable name,
 * rather than a service that quietly takes sandbox payments or fails on the first webhook.
 */
class PartialStripeConfigurationIT {

    private static final String SECRET_KEY = "sk_test_51PartialConfigITabcdefghijklmnopqrstuvwxyz0123456789ABCD";
    private static final String PUBLISHABLE_KEY = "pk_test_51PartialConfigITabcdefghijklmnopqrstuvwxyz0123456789ABCD";
    private static final String WEBHOOK_SECRET = "whsec_partial_config_it_0c4f2d";

    static Stream<Arguments> partialConfigurations() {
        return Stream.of(
                Arguments.of(Map.of("secret-key", SECRET_KEY),
                        List.of("STRIPE_PUBLISHABLE_KEY", "STRIPE_WEBHOOK_SECRET"), List.of("STRIPE_SECRET_KEY")),
                Arguments.of(Map.of("secret-key", SECRET_KEY, "publishable-key", PUBLISHABLE_KEY),
                        List.of("STRIPE_WEBHOOK_SECRET"), List.of("STRIPE_SECRET_KEY", "STRIPE_PUBLISHABLE_KEY")),
                Arguments.of(Map.of("publishable-key", PUBLISHABLE_KEY, "webhook-secret", WEBHOOK_SECRET),
                        List.of("STRIPE_SECRET_KEY"), List.of("STRIPE_PUBLISHABLE_KEY", "STRIPE_WEBHOOK_SECRET")),
                // a key set to blanks is as good as unset
                Arguments.of(Map.of("secret-key", SECRET_KEY, "publishable-key", "   ", "webhook-secret", WEBHOOK_SECRET),
                        List.of("STRIPE_PUBLISHABLE_KEY"), List.of("STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET")));
    }

    @ParameterizedTest(name = "{0} set: names {1}")
    @MethodSource("partialConfigurations")
    void start_up_fails_naming_exactly_the_missing_stripe_variables(Map<String, String> set, List<String> missing,
                                                                    List<String> notMissing, @TempDir Path dataDir) {
        Stream<String> stripeArguments = Stream.of("secret-key", "publishable-key", "webhook-secret")
                .map(key -> "--stripe." + key + "=" + set.getOrDefault(key, ""));
        // Command-line arguments, because application.yaml outranks SpringApplicationBuilder's default properties.
        String[] arguments = Stream.concat(stripeArguments, Stream.of(
                        "--payment.data-dir=" + dataDir,
                        "--payment.admin.password=partial-config-it",
                        "--server.port=0"))
                .toArray(String[]::new);

        Throwable failure = catchThrowable(() -> {
            try (ConfigurableApplicationContext started = new SpringApplicationBuilder(PaymentApplication.class)
                    .run(arguments)) {
                // started although it should not have: closed here, and the assertion below reports it
            }
        });

        assertThat(failure).as("start-up with only %s set", set.keySet()).isNotNull();
        Throwable cause = rootCause(failure);
        assertThat(cause).isInstanceOf(IllegalStateException.class);
        for (String variable : missing) {
            assertThat(cause.getMessage()).contains(variable);
        }
        for (String variable : notMissing) {
            assertThat(cause.getMessage()).doesNotContain(variable);
        }
        assertThat(cause.getMessage()).doesNotContain(SECRET_KEY).doesNotContain(WEBHOOK_SECRET);
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
