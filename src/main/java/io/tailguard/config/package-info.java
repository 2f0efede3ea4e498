/**
 * How a configuration or strategy file becomes a validated record, for every capability:
 * {@link io.tailguard.config.YamlConfig} binds YAML (unknown keys refused first, one line naming the file, the
 * field and what is allowed), {@link io.tailguard.config.Require} is the validation the records' compact
 * constructors use, {@link io.tailguard.config.ConfigException} the one error. Each capability owns its own
 * config records; the installation's root record is {@code app.config.TailguardConfig}.
 */
package io.tailguard.config;
