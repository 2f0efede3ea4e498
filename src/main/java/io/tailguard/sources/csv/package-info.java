/**
 * CSV inputs for what has no free API (CME FedWatch probabilities, forward P/E, overrides) and CSV daily bars.
 * Entry points: {@link io.tailguard.sources.csv.CsvInputs#read} and {@link io.tailguard.sources.csv.CsvDailyBarSource}.
 * Formats are documented on each class and in {@code config/inputs-example/}.
 */
package io.tailguard.sources.csv;
