package com.acme.payment.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoneyTest {

    @ParameterizedTest(name = "{0} has {1} decimals")
    @CsvSource({"USD,2", "EUR,2", "JPY,0", "KRW,0", "VND,0", "KWD,3", "BHD,3", "TND,3", "GBP,2"})
    void exponent_follows_stripe(String currency, int exponent) {
        assertThat(StripeCurrencies.exponent(currency)).isEqualTo(exponent);
    }

    @Test
    void minor_units_convert_to_major_units_with_the_currency_exponent() {
        assertThat(Money.charge(1250, "USD").majorUnits()).isEqualByComparingTo(new BigDecimal("12.50"));
        assertThat(Money.charge(1200, "JPY").majorUnits()).isEqualByComparingTo(new BigDecimal("1200"));
        assertThat(Money.charge(1500, "KWD").majorUnits()).isEqualByComparingTo(new BigDecimal("1.500"));
    }

    @Test
    void formats_for_humans() {
        assertThat(Money.charge(1250, "USD").format()).isEqualTo("$12.50");
        assertThat(Money.charge(1200, "JPY").format()).isEqualTo("¥1,200");
        assertThat(Money.charge(1500, "KWD").format()).contains("1.500").contains("KWD");
        assertThat(Money.charge(12_345_678, "EUR").format()).isEqualTo("€123,456.78");
    }

    @ParameterizedTest(name = "{1} {0}: minimum accepted, one less refused")
    @CsvSource({"USD,50", "EUR,50", "GBP,30", "JPY,50", "KWD,150", "HKD,400", "MXN,1000"})
    void accepts_the_stripe_minimum_and_refuses_one_unit_less(String currency, long minimum) {
        assertThat(Money.charge(minimum, currency).minorUnits()).isEqualTo(minimum);
        long belowMinimum = StripeCurrencies.mustBeMultipleOfTen(currency) ? minimum - 10 : minimum - 1;
        assertThatThrownBy(() -> Money.charge(belowMinimum, currency))
                .isInstanceOf(InvalidAmountException.class)
                .hasMessageContaining("at least")
                .extracting(e -> ((InvalidAmountException) e).field()).isEqualTo("amount");
    }

    @Test
    void refuses_more_than_the_stripe_maximum() {
        assertThat(Money.charge(99_999_999, "USD").minorUnits()).isEqualTo(99_999_999);
        assertThatThrownBy(() -> Money.charge(100_000_000, "USD")).isInstanceOf(InvalidAmountException.class)
                .hasMessageContaining("at most");
    }

    @Test
    void three_decimal_amounts_must_be_a_multiple_of_ten() {
        assertThat(Money.charge(1_510, "KWD").minorUnits()).isEqualTo(1_510);
        assertThatThrownBy(() -> Money.charge(1_505, "KWD")).isInstanceOf(InvalidAmountException.class)
                .hasMessageContaining("multiple of 10");
    }

    @Test
    void refuses_currencies_it_cannot_charge() {
        assertThatThrownBy(() -> Money.charge(1000, "XYZ")).isInstanceOf(InvalidAmountException.class)
                .extracting(e -> ((InvalidAmountException) e).field()).isEqualTo("currency");
        assertThatThrownBy(() -> Money.charge(1000, "usd")).isInstanceOf(InvalidAmountException.class);
        assertThatThrownBy(() -> new Money(-1, "USD")).isInstanceOf(InvalidAmountException.class);
    }

    @Test
    void every_chargeable_currency_is_supported_and_has_a_positive_minimum() {
        assertThat(StripeCurrencies.chargeableCurrencies()).allSatisfy(currency -> {
            assertThat(StripeCurrencies.isSupported(currency)).isTrue();
            assertThat(StripeCurrencies.minimumCharge(currency)).get().matches(minimum -> minimum > 0);
        });
    }
}
