/**
 * The command line (picocli). Entry point: {@link io.tailguard.console.TailguardCommand}.
 */
package io.tailguard.console;
