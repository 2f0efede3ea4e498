package io.tailguard.console;

import io.tailguard.domain.OptionRight;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The value types of command-line arguments that need more than a number, each with the picocli converter
 * that reads it. A bad value is a usage error (exit 2) naming the option and what it takes, e.g.
 * {@code Invalid value for option '--width': 'abc' is not a percentage such as 10%}, never raw Java text.
 */
public final class ArgumentTypes {
    private ArgumentTypes() {
    }

    /** A strike window around the underlying, as a fraction of its price (10% = 0.10). */
    public record StrikeWindow(double fraction) {
        public StrikeWindow {
            if (!(fraction > 0 && fraction <= 1)) {
                throw new IllegalArgumentException("a strike window is above 0% and at most 100%, was " + fraction);
            }
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s%%", java.math.BigDecimal.valueOf(fraction * 100)
                    .stripTrailingZeros().toPlainString());
        }
    }

    /** Reads {@code 10%} or {@code 0.10}. */
    public static final class StrikeWindowConverter implements ITypeConverter<StrikeWindow> {
        @Override
        public StrikeWindow convert(String text) {
            String t = text.trim();
            double value;
            try {
                value = t.endsWith("%") ? Double.parseDouble(t.substring(0, t.length() - 1)) / 100.0 : Double.parseDouble(t);
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + text + "' is not a percentage such as 10%");
            }
            if (!(value > 0 && value <= 1)) {
                throw new TypeConversionException("'" + text + "' is outside the allowed range: above 0% and at most 100%");
            }
            return new StrikeWindow(value);
        }
    }

    /** An expiry named on the command line: the next listed one, or a date. */
    public sealed interface ExpiryChoice {
        /** The first listed expiry after today (New York). */
        record Next() implements ExpiryChoice {
            @Override
            public String toString() {
                return "next";
            }
        }

        record On(LocalDate date) implements ExpiryChoice {
            @Override
            public String toString() {
                return date.toString();
            }
        }
    }

    /** Reads {@code next} or {@code YYYY-MM-DD}. */
    public static final class ExpiryChoiceConverter implements ITypeConverter<ExpiryChoice> {
        @Override
        public ExpiryChoice convert(String text) {
            if ("next".equalsIgnoreCase(text.trim())) {
                return new ExpiryChoice.Next();
            }
            return new ExpiryChoice.On(date(text, "'next' or a date YYYY-MM-DD"));
        }
    }

    /** Reads a date {@code YYYY-MM-DD}. */
    public static final class DateConverter implements ITypeConverter<LocalDate> {
        @Override
        public LocalDate convert(String text) {
            return date(text, "a date YYYY-MM-DD");
        }
    }

    /** Reads {@code P}, {@code C}, {@code PUT} or {@code CALL}, in any case. */
    public static final class RightConverter implements ITypeConverter<OptionRight> {
        @Override
        public OptionRight convert(String text) {
            return switch (text.trim().toUpperCase(Locale.ROOT)) {
                case "P", "PUT" -> OptionRight.PUT;
                case "C", "CALL" -> OptionRight.CALL;
                default -> throw new TypeConversionException("'" + text + "' is not a right: P (put) or C (call)");
            };
        }
    }

    private static LocalDate date(String text, String allowed) {
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("'" + text + "' is not " + allowed);
        }
    }
}
