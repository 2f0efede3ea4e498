package io.tailguard.broker.sim.market;

import io.tailguard.calendar.ExchangeCalendar;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The simulated time: the wall clock, an accelerated (replay) clock that runs N simulated seconds per wall
 * second from an anchor, or a manual clock that tests advance. Thread-safe; its zone is America/New_York.
 * An accelerated clock never runs backwards, even when the wall clock is set back (NTP): it stands still
 * until the wall clock has caught up.
 */
public final class SimClock extends Clock {

    private final ClockMode mode;
    private final Clock base;
    private final ReplayAnchor anchor;
    private final AtomicReference<Instant> manualNow;
    private final AtomicReference<Instant> latest;

    private SimClock(ClockMode mode, Clock base, ReplayAnchor anchor) {
        this.mode = mode;
        this.base = base;
        this.anchor = anchor;
        this.manualNow = new AtomicReference<>(anchor.sim());
        this.latest = new AtomicReference<>(anchor.sim());
    }

    /** The wall clock. */
    public static SimClock real() {
        return new SimClock(ClockMode.REAL, Clock.systemUTC(), new ReplayAnchor(Instant.EPOCH, Instant.EPOCH, 1.0));
    }

    /** Starts at {@code start} now and runs {@code factor} times faster than the system clock. */
    public static SimClock accelerated(Instant start, double factor) {
        return accelerated(start, factor, Clock.systemUTC());
    }

    /** Starts at {@code start} and runs {@code factor} times faster than {@code base} (tests pass a manual clock). */
    public static SimClock accelerated(Instant start, double factor, Clock base) {
        Objects.requireNonNull(start, "start");
        if (!(factor > 0)) {
            throw new IllegalArgumentException("factor must be positive, was " + factor);
        }
        return replay(new ReplayAnchor(base.instant(), start, factor), base);
    }

    /**
     * A replay clock on {@code wall}: {@code anchor.sim()} at {@code anchor.wall()}, {@code anchor.speed()} times
     * faster since. Another process given the same anchor reads the same time (to its wall clock's accuracy).
     */
    public static SimClock replay(ReplayAnchor anchor, Clock wall) {
        if (wall instanceof SimClock sim && sim.mode() == ClockMode.ACCELERATED) {
            throw new IllegalArgumentException("a replay runs on the wall clock, not on another replay");
        }
        return new SimClock(ClockMode.ACCELERATED, Objects.requireNonNull(wall, "wall"),
                Objects.requireNonNull(anchor, "anchor"));
    }

    /** Stands at {@code start} until advanced. */
    public static SimClock manual(Instant start) {
        return new SimClock(ClockMode.MANUAL, Clock.systemUTC(),
                new ReplayAnchor(Instant.EPOCH, Objects.requireNonNull(start, "start"), 1.0));
    }

    /** The clock the config asks for. */
    public static SimClock of(MarketModelConfig config) {
        return switch (config.clockMode()) {
            case REAL -> real();
            case ACCELERATED -> accelerated(config.start(), config.accelerationFactor());
            case MANUAL -> manual(config.start());
        };
    }

    public ClockMode mode() {
        return mode;
    }

    /** The anchor of an accelerated (replay) clock; empty for the wall clock and a manual one. */
    public Optional<ReplayAnchor> anchor() {
        return mode == ClockMode.ACCELERATED ? Optional.of(anchor) : Optional.empty();
    }

    @Override
    public Instant instant() {
        return switch (mode) {
            case REAL -> base.instant();
            case MANUAL -> manualNow.get();
            case ACCELERATED -> {
                Instant computed = anchor.simAt(base.instant());
                yield latest.accumulateAndGet(computed, (a, b) -> a.isAfter(b) ? a : b);
            }
        };
    }

    /** Moves a manual clock forward. */
    public void advance(Duration by) {
        requireManual();
        if (by.isNegative()) {
            throw new IllegalArgumentException("a clock does not run backwards: " + by);
        }
        manualNow.updateAndGet(t -> t.plus(by));
    }

    /** Sets a manual clock to {@code t}, which must not be before its current time. */
    public void setTo(Instant t) {
        requireManual();
        manualNow.updateAndGet(now -> {
            if (t.isBefore(now)) {
                throw new IllegalArgumentException("a clock does not run backwards: " + t + " < " + now);
            }
            return t;
        });
    }

    @Override
    public ZoneId getZone() {
        return ExchangeCalendar.NEW_YORK;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        SimClock self = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return self.withZone(other);
            }

            @Override
            public Instant instant() {
                return self.instant();
            }
        };
    }

    private void requireManual() {
        if (mode != ClockMode.MANUAL) {
            throw new IllegalStateException("only a MANUAL clock can be advanced, this one is " + mode);
        }
    }
}
