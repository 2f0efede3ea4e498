package io.tailguard.broker.ibkr.wire;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the NUL-terminated text fields of one message in order. Reading past the last field is a
 * {@link ProtocolException} naming the message and the position, never a silent default.
 */
public final class FieldReader {
    private final List<String> fields;
    private int next;

    public FieldReader(byte[] payload) {
        this.fields = split(payload);
    }

    public static List<String> split(byte[] payload) {
        List<String> result = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < payload.length; i++) {
            if (payload[i] == 0) {
                result.add(new String(payload, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        if (start < payload.length) {
            // the handshake reply and the hello carry a last field without a terminator
            result.add(new String(payload, start, payload.length - start, StandardCharsets.UTF_8));
        }
        return result;
    }

    public boolean hasNext() {
        return next < fields.size();
    }

    public int remaining() {
        return fields.size() - next;
    }

    public int position() {
        return next;
    }

    public String readString() {
        if (next >= fields.size()) {
            throw new ProtocolException("field underrun: wanted field " + (next + 1) + " of a message with "
                    + fields.size() + " fields (first field '" + (fields.isEmpty() ? "" : fields.get(0)) + "')");
        }
        return fields.get(next++);
    }

    /** An int; an empty field reads as 0. */
    public int readInt() {
        String s = readString();
        return s.isEmpty() ? 0 : parseInt(s);
    }

    /** An optional int: empty or {@link FieldWriter#UNSET_INT} reads as {@link FieldWriter#UNSET_INT}. */
    public int readMaxInt() {
        String s = readString();
        return s.isEmpty() ? FieldWriter.UNSET_INT : parseInt(s);
    }

    public long readLong() {
        String s = readString();
        try {
            return s.isEmpty() ? 0L : Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new ProtocolException("field " + next + ": expected an integer, got '" + s + "'");
        }
    }

    /** A double; empty reads as 0. Use {@link #readMaxDouble()} where "unset" matters. */
    public double readDouble() {
        String s = readString();
        return s.isEmpty() ? 0.0 : parseDouble(s);
    }

    /** An optional double: empty or {@code 1.7976931348623157E308} reads as NaN. */
    public double readMaxDouble() {
        String s = readString();
        if (s.isEmpty()) {
            return Double.NaN;
        }
        double v = parseDouble(s);
        return v == FieldWriter.UNSET_DOUBLE ? Double.NaN : v;
    }

    public boolean readBool() {
        String s = readString();
        return !s.isEmpty() && !"0".equals(s) && !"false".equalsIgnoreCase(s);
    }

    /** A decimal (quantities, sizes); empty reads as null. */
    public BigDecimal readDecimal() {
        String s = readString();
        if (s.isEmpty() || "1.7976931348623157E308".equals(s) || "9223372036854775807".equals(s)) {
            return null;
        }
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            throw new ProtocolException("field " + next + ": expected a decimal, got '" + s + "'");
        }
    }

    public void skip(int count) {
        for (int i = 0; i < count; i++) {
            readString();
        }
    }

    private int parseInt(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new ProtocolException("field " + next + ": expected an integer, got '" + s + "'");
        }
    }

    private double parseDouble(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new ProtocolException("field " + next + ": expected a number, got '" + s + "'");
        }
    }
}
