package io.tailguard.proposal;

import io.tailguard.domain.TraderTime;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * New proposal ids: a prefix, the exchange date and time (New York), and three random hex digits, e.g.
 * {@code P-20261204-101530-3fa}. The date is the trader's (the exchange's) day, not UTC's, which runs five
 * hours ahead in the evening. Ids are opaque after that: older ids ({@code P20261123-150000-3fa}, UTC) are
 * stored and looked up as they are. The random part is lowercase hex, so a leg id {@code <id>-L1} always has
 * its last {@code -L} before the leg number.
 */
public final class ProposalIds {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)
            .withZone(TraderTime.EXCHANGE_ZONE);
    private static final SecureRandom RANDOM = new SecureRandom();

    private ProposalIds() {
    }

    /** {@code P-20261204-101530-3fa} for prefix {@code P} at 10:15:30 New York on 2026-12-04. */
    public static String next(String prefix, Clock clock) {
        return next(prefix, clock.instant());
    }

    /** The id of a proposal created at {@code at} (its {@code createdAt}, so the two agree to the second). */
    public static String next(String prefix, Instant at) {
        if (prefix.isEmpty() || !prefix.chars().allMatch(Character::isUpperCase)) {
            throw new IllegalArgumentException("prefix must be capital letters, was '" + prefix + "'");
        }
        return prefix + "-" + STAMP.format(at) + "-" + String.format(Locale.ROOT, "%03x",
                RANDOM.nextInt(4096));
    }
}
