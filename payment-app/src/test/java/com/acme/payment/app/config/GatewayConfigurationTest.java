package com.acme.payment.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class GatewayConfigurationTest {

    private static final PaymentProperties PROPERTIES = new PaymentProperties(null, null, null, null, 0, null, null,
            0, null, null, 0, null, null, null, null, new PaymentProperties.Sandbox(null, null, 0, null, null), null, null, 0);

    private final GatewayConfiguration configuration = new GatewayConfiguration();

    @Test
    void without_stripe_keys_a_warning_says_that_no_real_money_moves_and_how_to_configure_stripe(CapturedOutput log) {
        GatewayMode mode = configuration.gatewayMode(new StripeProperties(null, null, null, null, null, null, 0), PROPERTIES);

        assertThat(mode.isSandbox()).isTrue();
        assertThat(mode.livemode()).isFalse();
        assertThat(log.getOut()).contains("WARN").contains("SANDBOX MODE").contains("No real money moves")
                .contains("STRIPE_SECRET_KEY, STRIPE_PUBLISHABLE_KEY and");
    }

    @ParameterizedTest(name = "{0} → live {1}")
    @CsvSource({"sk_live_51Habc, true", "sk_test_51Habc, false"})
    void with_stripe_keys_the_mode_follows_the_secret_key_and_there_is_no_sandbox_warning(String secretKey,
                                                                                           boolean live,
                                                                                           CapturedOutput log) {
        GatewayMode mode = configuration.gatewayMode(
                new StripeProperties(secretKey, "pk_x", "whsec_x", null, null, null, 0), PROPERTIES);

        assertThat(mode.isSandbox()).isFalse();
        assertThat(mode.livemode()).isEqualTo(live);
        assertThat(log.getOut()).doesNotContain("SANDBOX MODE").doesNotContain(secretKey);
    }
}
