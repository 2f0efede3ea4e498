/**
 * The installation's configuration file: {@link io.tailguard.app.config.TailguardConfig} gathers the records each
 * capability owns (broker, database, trading, approval, orders, schedule, sim) with the paths, and
 * {@link io.tailguard.app.config.ConfigLoader} binds {@code config/tailguard.yaml} through
 * {@link io.tailguard.config.YamlConfig} with the environment's overrides.
 */
package io.tailguard.app.config;
