/**
 * The H2/PostgreSQL cache of every fetched observation, with its observed and available dates. Entry point:
 * {@link io.tailguard.sources.cache.ObservationCache}.
 */
package io.tailguard.sources.cache;
