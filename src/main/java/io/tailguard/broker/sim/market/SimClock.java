package io.tailguard.broker.sim.market;

import io.tailguard.schedule.ExchangeCalendar;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The simulated time: the wall clock, an accelerated clock (N simulated seconds per real second from
 * a start instant), or a manual clock that tests advance. Thread-safe; its zone is America/New_York.
 */
public final class SimClock extends Clock {

    private final ClockMode mode;
    private final Clock base;
    private final Instant start;
    private final Instant baseStart;
    private final double factor;
    private final AtomicReference<Instant> manualNow;

    private SimClock(ClockMode mode, Clock base, Instant start, double factor) {
        this.mode = mode;
        this.base = base;
        this.start = start;
        this.baseStart = base.instant();
        this.factor = factor;
        this.manualNow = new AtomicReference<>(start);
    }

    /** The wall clock. */
    public static SimClock real() {
        return new SimClock(ClockMode.REAL, Clock.systemUTC(), Instant.EPOCH, 1.0);
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
        return new SimClock(ClockMode.ACCELERATED, base, start, factor);
    }

    /** Stands at {@code start} until advanced. */
    public static SimClock manual(Instant start) {
        return new SimClock(ClockMode.MANUAL, Clock.systemUTC(), Objects.requireNonNull(start, "start"), 1.0);
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

    @Override
    public Instant instant() {
        return switch (mode) {
            case REAL -> base.instant();
            case MANUAL -> manualNow.get();
            case ACCELERATED -> {
                Duration real = Duration.between(baseStart, base.instant());
                long nanos = (long) (real.toNanos() * factor);
                yield start.plusNanos(nanos);
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
