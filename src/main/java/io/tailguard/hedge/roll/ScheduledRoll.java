package io.tailguard.hedge.roll;

/** What the weekly roll job calls: one scheduled fire, decided with the exchange calendar. */
@FunctionalInterface
public interface ScheduledRoll {
    RollOutcome rollOnSchedule();
}
