package io.tailguard.broker.sim.market;

import io.tailguard.calendar.ExchangeCalendar;
import io.tailguard.calendar.Session;
import io.tailguard.calendar.Venue;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

/**
 * The session clock a trader chooses for the simulated market ({@code sim.clock}, {@code sim-gateway --clock}):
 * the wall clock, for realism, or a replay that starts at a New York time inside a session and runs at a
 * speed, so that the market is open whenever the trader is at the keyboard. A bad value throws
 * {@link InvalidSetting}, which names the input at fault ({@link Field}) so that the configuration and the
 * command line can each name it their way.
 */
public sealed interface SimClockSetting {
    /** Speeds a replay may run at: real time up to a thousand simulated seconds per wall second. */
    double MIN_SPEED = 1;
    double MAX_SPEED = 1000;
    /** What a trader may write, for the messages. */
    String ALLOWED = "wall, or a New York time inside a session such as 2026-11-30T09:30";

    /** The market follows the wall clock. */
    record Wall() implements SimClockSetting {
        @Override
        public String describe() {
            return "wall clock";
        }
    }

    /**
     * A replay from {@code start} (New York local time) at {@code speed} simulated seconds per wall second. The
     * start must lie inside a regular equities session (09:30–16:00, 13:00 on an early close) of a trading day:
     * a replay that starts while the exchange is closed would show the trader the very thing it is for avoiding.
     */
    record Replay(LocalDateTime start, double speed) implements SimClockSetting {
        public Replay {
            if (start == null) {
                throw new InvalidSetting(Field.CLOCK, "a replay needs a start time, e.g. 2026-11-30T09:30");
            }
            start = start.truncatedTo(ChronoUnit.SECONDS);
            if (!(speed >= MIN_SPEED && speed <= MAX_SPEED)) {
                throw new InvalidSetting(Field.SPEED, "must be between " + number(MIN_SPEED) + " and "
                        + number(MAX_SPEED) + " (simulated seconds per wall second), was " + number(speed));
            }
            String closed = closedReason(start);
            if (closed != null) {
                throw new InvalidSetting(Field.CLOCK, start.format(MINUTES) + " " + closed
                        + "; a replay starts inside a session, e.g. " + nextOpen(start).format(MINUTES));
            }
        }

        /** The start as an instant. */
        public Instant startInstant() {
            return start.atZone(ExchangeCalendar.NEW_YORK).toInstant();
        }

        /**
         * A replay clock on {@code wall} that stands at the start now. The anchor is the next whole millisecond of
         * the wall clock, so that it survives being published (the database keeps microseconds) exactly; until the
         * wall clock reaches it the replay stands at its start.
         */
        public SimClock startOn(Clock wall) {
            Instant now = wall.instant();
            Instant anchor = now.truncatedTo(ChronoUnit.MILLIS);
            return SimClock.replay(new ReplayAnchor(anchor.equals(now) ? anchor : anchor.plusMillis(1), startInstant(),
                    speed), wall);
        }

        @Override
        public String describe() {
            return SimClockSetting.describeReplay(new ReplayAnchor(Instant.EPOCH, startInstant(), speed));
        }
    }

    /** How a running replay clock is described: the same words as the setting it was started from. */
    static String describeReplay(ReplayAnchor anchor) {
        return "replay from " + LocalDateTime.ofInstant(anchor.sim(), ExchangeCalendar.NEW_YORK).format(MINUTES)
                + " New York at " + number(anchor.speed()) + "x";
    }

    /** One line for the trader. */
    String describe();

    /** Which of the two inputs is wrong. */
    enum Field { CLOCK, SPEED }

    /** A bad setting: the input at fault and the problem, worded for a trader (no field name in it). */
    final class InvalidSetting extends IllegalArgumentException {
        private final Field field;
        private final String problem;

        InvalidSetting(Field field, String problem) {
            super(field.name().toLowerCase(Locale.ROOT) + ": " + problem);
            this.field = field;
            this.problem = problem;
        }

        public Field field() {
            return field;
        }

        public String problem() {
            return problem;
        }
    }

    /**
     * Reads a setting: {@code clock} is {@code wall} (the default when null) or a New York local date-time;
     * {@code speed} (default 1) applies to a replay only. A bad value throws with what is allowed.
     */
    static SimClockSetting parse(String clock, Double speed) {
        String text = clock == null ? "wall" : clock.trim();
        if (text.equalsIgnoreCase("wall")) {
            if (speed != null) {
                throw new InvalidSetting(Field.SPEED, "applies to a replay clock only, and the clock is wall: remove "
                        + "it, or give a replay start such as 2026-11-30T09:30");
            }
            return new Wall();
        }
        LocalDateTime start;
        try {
            start = LocalDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidSetting(Field.CLOCK, "'" + text + "' is neither wall nor a New York time (allowed: "
                    + ALLOWED + ")");
        }
        return new Replay(start, speed == null ? 1.0 : speed);
    }

    /** The replay start, if this is one. */
    default Optional<Replay> replay() {
        return this instanceof Replay r ? Optional.of(r) : Optional.empty();
    }

    DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private static String closedReason(LocalDateTime start) {
        ExchangeCalendar calendar = ExchangeCalendar.nyse();
        LocalDate day = start.toLocalDate();
        Optional<Session> session = calendar.session(day, Venue.EQUITIES);
        if (session.isEmpty()) {
            String what = calendar.isHoliday(day) ? "an exchange holiday"
                    : "a " + day.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            return "is on " + what + ", when the exchange is closed";
        }
        Instant at = start.atZone(ExchangeCalendar.NEW_YORK).toInstant();
        if (!session.get().contains(at)) {
            return "is outside the session of " + day + " (" + session.get().open().toLocalTime() + "–"
                    + session.get().close().toLocalTime() + " New York)";
        }
        return null;
    }

    /** The open of the first session that begins at or after {@code start}. */
    private static LocalDateTime nextOpen(LocalDateTime start) {
        ExchangeCalendar calendar = ExchangeCalendar.nyse();
        LocalDate day = start.toLocalDate();
        if (!calendar.isTradingDay(day) || !start.toLocalTime().isBefore(Venue.EQUITIES.open())) {
            day = calendar.nextTradingDay(day);
        }
        return calendar.sessionOpen(day, Venue.EQUITIES).toLocalDateTime();
    }

    private static String number(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
