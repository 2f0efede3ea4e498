package io.tailguard.orders;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Moments in the texts the order pipeline stores (event details, refusals): exchange time, to the second,
 * in the same form as the console's {@code TraderTime} ({@code 2026-12-04 09:30:00 EST}), so a stored
 * text reads like the times printed around it.
 */
public final class NewYorkTime {
    public static final ZoneId ZONE = ZoneId.of("America/New_York");
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z").withZone(ZONE);

    private NewYorkTime() {
    }

    public static String format(Instant instant) {
        return instant == null ? "-" : FORMAT.format(instant);
    }
}
