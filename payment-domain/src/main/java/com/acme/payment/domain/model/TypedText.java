package com.acme.payment.domain.model;

/**
 * The rule for text that people type (names, emails, refund reasons, search filters, idempotency keys), checked
 * where it enters a use case. Control characters are refused: a line break would add lines to a plain-text
 * email and a NUL is refused by PostgreSQL. So are bidi controls, which make text read otherwise than it is
 * written, and lone surrogates, which are no character at all. Lengths count characters (code points), not
 * UTF-16 units, so an emoji counts once.
 */
public final class TypedText {

    private TypedText() {
    }

    /** A value whose length is checked elsewhere (an HTTP header, by the web layer). */
    public static String require(String field, String value) {
        return require(field, value, Integer.MAX_VALUE);
    }

    /**
     * @return the value, unchanged; null passes (whether a value is required is the caller's rule)
     * @throws InvalidPaymentRequestException naming the field
     */
    public static String require(String field, String value, int maxLength) {
        if (value == null) {
            return null;
        }
        if (value.codePoints().anyMatch(TypedText::isForbidden)) {
            throw new InvalidPaymentRequestException(field,
                    field + " must not contain control characters, line breaks or bidi controls");
        }
        if (value.codePointCount(0, value.length()) > maxLength) {
            throw new InvalidPaymentRequestException(field, field + " must be at most " + maxLength + " characters");
        }
        return value;
    }

    /** For text that may predate this rule (stored rows): each forbidden character becomes a space. */
    public static String replaceForbidden(String value) {
        StringBuilder replaced = new StringBuilder(value.length());
        value.codePoints().forEach(codePoint -> replaced.appendCodePoint(isForbidden(codePoint) ? ' ' : codePoint));
        return replaced.toString();
    }

    static boolean isForbidden(int codePoint) {
        int type = Character.getType(codePoint);
        return Character.isISOControl(codePoint) // C0, DEL and C1
                || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.SURROGATE
                || (codePoint >= 0x202A && codePoint <= 0x202E) // embeddings and overrides
                || (codePoint >= 0x2066 && codePoint <= 0x2069); // isolates
    }
}
