package io.tailguard.broker.ibkr.wire;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * Builds the payload of one message as NUL-terminated text fields, with the number formatting the
 * reference client uses (590 not 590.0; booleans 0/1; unset optional numbers as empty fields).
 */
public final class FieldWriter {
    /** How an unset double arrives from TWS and how callers mark "unset" when writing. */
    public static final double UNSET_DOUBLE = Double.MAX_VALUE;
    /** How an unset int arrives from TWS and how callers mark "unset" when writing. */
    public static final int UNSET_INT = Integer.MAX_VALUE;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    private int fieldCount;

    public FieldWriter add(String value) {
        if (value != null) {
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            for (byte b : bytes) {
                if (b == 0) {
                    throw new IllegalArgumentException("field contains a NUL byte: " + value);
                }
            }
            out.writeBytes(bytes);
        }
        out.write(0);
        fieldCount++;
        return this;
    }

    public FieldWriter add(int value) {
        return add(Integer.toString(value));
    }

    public FieldWriter add(long value) {
        return add(Long.toString(value));
    }

    public FieldWriter add(boolean value) {
        return add(value ? "1" : "0");
    }

    /** A double without a trailing {@code .0}; NaN is written as an empty field. */
    public FieldWriter add(double value) {
        return add(formatDouble(value));
    }

    public FieldWriter add(BigDecimal value) {
        return add(value == null ? "" : value.stripTrailingZeros().toPlainString());
    }

    /** An optional int: {@link #UNSET_INT} is written as an empty field. */
    public FieldWriter addMaxInt(int value) {
        return add(value == UNSET_INT ? "" : Integer.toString(value));
    }

    /** An optional double: {@link #UNSET_DOUBLE} or NaN is written as an empty field. */
    public FieldWriter addMaxDouble(double value) {
        return add(value == UNSET_DOUBLE ? "" : formatDouble(value));
    }

    /** Writes a double as {@code 1.7976931348623157E308} when unset, as TWS itself does in server messages. */
    public FieldWriter addDoubleOrMaxText(double value) {
        return add(value == UNSET_DOUBLE || Double.isNaN(value) ? "1.7976931348623157E308" : formatDouble(value));
    }

    public int fieldCount() {
        return fieldCount;
    }

    public byte[] toBytes() {
        return out.toByteArray();
    }

    /** Number text as the reference client writes it. */
    public static String formatDouble(double value) {
        if (Double.isNaN(value)) {
            return "";
        }
        if (Double.isInfinite(value)) {
            throw new IllegalArgumentException("infinite value cannot be sent");
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
