package io.tailguard.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * How the console shows a moment to the trader: exchange time (America/New_York), to the second, with the
 * zone's abbreviation ({@code 2026-12-03 20:43:40 EST}); never a UTC instant with nanoseconds.
 */
public final class TraderTime {
    public static final ZoneId EXCHANGE_ZONE = ZoneId.of("America/New_York");
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z")
            .withZone(EXCHANGE_ZONE);

    private TraderTime() {
    }

    public static String format(Instant instant) {
        return instant == null ? "-" : FORMAT.format(instant);
    }
}
