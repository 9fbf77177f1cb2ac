package com.acme.payment.domain.model;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;

/** An amount in the currency's minor unit (cents, yen, fils) as Stripe counts it. */
public record Money(long minorUnits, String currency) {

    public Money {
        Objects.requireNonNull(currency, "currency");
        if (!StripeCurrencies.isSupported(currency)) {
            throw new InvalidAmountException("currency", "currency " + currency + " is not supported");
        }
        if (minorUnits < 0) {
            throw new InvalidAmountException("amount", "amount must not be negative");
        }
    }

    /** A chargeable amount: within Stripe's minimum and maximum for the currency, in its rounding. */
    public static Money charge(long minorUnits, String currency) {
        if (currency == null || !StripeCurrencies.isChargeable(currency)) {
            throw new InvalidAmountException("currency", "currency " + currency + " is not supported");
        }
        long minimum = StripeCurrencies.minimumCharge(currency).orElseThrow();
        if (minorUnits < minimum) {
            throw new InvalidAmountException("amount",
                    "amount must be at least " + new Money(minimum, currency).format() + " (" + minimum + ")");
        }
        if (minorUnits > StripeCurrencies.MAXIMUM_AMOUNT) {
            throw new InvalidAmountException("amount",
                    "amount must be at most " + StripeCurrencies.MAXIMUM_AMOUNT + " minor units");
        }
        if (StripeCurrencies.mustBeMultipleOfTen(currency) && minorUnits % 10 != 0) {
            throw new InvalidAmountException("amount", "amount in " + currency + " must be a multiple of 10");
        }
        return new Money(minorUnits, currency);
    }

    public int exponent() {
        return StripeCurrencies.exponent(currency);
    }

    public BigDecimal majorUnits() {
        return BigDecimal.valueOf(minorUnits, exponent());
    }

    /** Human-readable amount, e.g. "$12.50" or "¥1,200". */
    public String format() {
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.US);
        format.setCurrency(Currency.getInstance(currency));
        format.setMinimumFractionDigits(exponent());
        format.setMaximumFractionDigits(exponent());
        return format.format(majorUnits());
    }
}
