package io.tailguard.portfolio;

import java.util.List;
import java.util.Optional;

/**
 * The market the hedged-portfolio builder works on: the securities of the universe and, for each, its chains. The
 * {@code portfolio-scan} job caches them in the database after the close; a build reads the cache.
 */
public interface UniverseMarket {

    /** The symbols of the configured universe, in the configuration's order. */
    List<String> symbols();

    /** The chains of one security; empty when none were pulled for it (the builder says so and skips it). */
    Optional<UnderlyingChains> chains(String symbol);
}
