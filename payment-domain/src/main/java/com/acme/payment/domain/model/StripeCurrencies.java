package com.acme.payment.domain.model;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Stripe's currency rules: which ISO 4217 codes it charges in, how many decimals each has in the API,
 * and the smallest charge it accepts. Source: Stripe's "Supported currencies" and "Minimum and maximum
 * charge amounts" pages.
 */
public final class StripeCurrencies {

    /** Stripe's API limit for a single charge, in minor units. */
    public static final long MAXIMUM_AMOUNT = 99_999_999L;

    private static final Set<String> SUPPORTED = Set.of(
            "USD", "AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT",
            "BGN", "BHD", "BIF", "BMD", "BND", "BOB", "BRL", "BSD", "BWP", "BYN", "BZD", "CAD", "CDF", "CHF",
            "CLP", "CNY", "COP", "CRC", "CVE", "CZK", "DJF", "DKK", "DOP", "DZD", "EGP", "ETB", "EUR", "FJD",
            "FKP", "GBP", "GEL", "GIP", "GMD", "GNF", "GTQ", "GYD", "HKD", "HNL", "HTG", "HUF", "IDR", "ILS",
            "INR", "ISK", "JMD", "JOD", "JPY", "KES", "KGS", "KHR", "KMF", "KRW", "KWD", "KYD", "KZT", "LAK",
            "LBP", "LKR", "LRD", "LSL", "MAD", "MDL", "MGA", "MKD", "MMK", "MNT", "MOP", "MUR", "MVR", "MWK",
            "MXN", "MYR", "MZN", "NAD", "NGN", "NIO", "NOK", "NPR", "NZD", "OMR", "PAB", "PEN", "PGK", "PHP",
            "PKR", "PLN", "PYG", "QAR", "RON", "RSD", "RUB", "RWF", "SAR", "SBD", "SCR", "SEK", "SGD", "SHP",
            "SLE", "SOS", "SRD", "STD", "SZL", "THB", "TJS", "TND", "TOP", "TRY", "TTD", "TWD", "TZS", "UAH",
            "UGX", "UYU", "UZS", "VND", "VUV", "WST", "XAF", "XCD", "XOF", "XPF", "YER", "ZAR", "ZMW");

    private static final Set<String> ZERO_DECIMAL = Set.of(
            "BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA", "PYG", "RWF", "UGX", "VND", "VUV", "XAF",
            "XOF", "XPF");

    /** Three-decimal currencies; Stripe requires their amounts to be a multiple of 10. */
    private static final Set<String> THREE_DECIMAL = Set.of("BHD", "JOD", "KWD", "OMR", "TND");

    /**
     * Minimum charge in minor units. Stripe publishes these for its settlement currencies; for the
     * others (KWD, BHD, KRW here) it asks for the equivalent of USD 0.50, fixed here at a rounded value.
     */
    private static final Map<String, Long> MINIMUM_CHARGE = Map.ofEntries(
            Map.entry("USD", 50L), Map.entry("AED", 200L), Map.entry("AUD", 50L), Map.entry("BGN", 100L),
            Map.entry("BRL", 50L), Map.entry("CAD", 50L), Map.entry("CHF", 50L), Map.entry("CZK", 1_500L),
            Map.entry("DKK", 250L), Map.entry("EUR", 50L), Map.entry("GBP", 30L), Map.entry("HKD", 400L),
            Map.entry("HUF", 17_500L), Map.entry("INR", 50L), Map.entry("JPY", 50L), Map.entry("MXN", 1_000L),
            Map.entry("MYR", 200L), Map.entry("NOK", 300L), Map.entry("NZD", 50L), Map.entry("PLN", 200L),
            Map.entry("RON", 200L), Map.entry("SEK", 300L), Map.entry("SGD", 50L), Map.entry("THB", 1_000L),
            Map.entry("KWD", 150L), Map.entry("BHD", 200L), Map.entry("KRW", 700L));

    private StripeCurrencies() {
    }

    public static boolean isSupported(String currency) {
        return SUPPORTED.contains(currency);
    }

    /** Number of decimals Stripe's API uses for the currency's minor unit. */
    public static int exponent(String currency) {
        requireSupported(currency);
        if (ZERO_DECIMAL.contains(currency)) {
            return 0;
        }
        return THREE_DECIMAL.contains(currency) ? 3 : 2;
    }

    /** Whether the service can charge in this currency: Stripe supports it and its minimum is known. */
    public static boolean isChargeable(String currency) {
        return MINIMUM_CHARGE.containsKey(currency);
    }

    public static Optional<Long> minimumCharge(String currency) {
        return Optional.ofNullable(MINIMUM_CHARGE.get(currency));
    }

    /** Stripe rejects three-decimal amounts that are not a multiple of 10. */
    public static boolean mustBeMultipleOfTen(String currency) {
        return THREE_DECIMAL.contains(currency);
    }

    public static Set<String> chargeableCurrencies() {
        return MINIMUM_CHARGE.keySet();
    }

    private static void requireSupported(String currency) {
        if (!isSupported(currency)) {
            throw new IllegalArgumentException("currency not supported by Stripe: " + currency);
        }
    }
}
