/**
 * The configuration model: one validated record per component, bound from YAML by
 * {@link io.tailguard.app.config.ConfigLoader}, which turns every binding or validation failure into
 * one {@link io.tailguard.config.ConfigException} line naming the file and the field.
 */
package io.tailguard.app.config;
