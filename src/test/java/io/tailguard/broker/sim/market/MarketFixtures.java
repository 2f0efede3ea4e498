package io.tailguard.broker.sim.market;

import io.tailguard.calendar.ExchangeCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/** Shared set-up of the sim-market tests: the default config at a chosen New York time. */
final class MarketFixtures {

    private MarketFixtures() {
    }

    static Instant ny(String date, int hour, int minute) {
        return LocalDate.parse(date).atTime(LocalTime.of(hour, minute)).atZone(ExchangeCalendar.NEW_YORK).toInstant();
    }

    static MarketModelConfig startingAt(Instant start) {
        MarketModelConfig d = MarketModelConfig.defaults();
        return d.withStart(start, d.spxStartLevel(), d.uproStartPrice());
    }

    static ModelMarket market(MarketModelConfig config) {
        return ModelMarket.create(config);
    }

    static ModelMarket marketAt(String date, int hour, int minute) {
        return market(startingAt(ny(date, hour, minute)));
    }
}
