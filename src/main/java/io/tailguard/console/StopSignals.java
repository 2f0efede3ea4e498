package io.tailguard.console;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/** Runs a stop action on SIGTERM and SIGINT, while the JVM is still fully up. */
final class StopSignals {
    private static final Logger log = LoggerFactory.getLogger(StopSignals.class);

    private StopSignals() {
    }

    static void install(Runnable stop) {
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(name), signal -> {
                    log.info("SIG{} received: stopping", signal.getName());
                    stop.run();
                });
            } catch (IllegalArgumentException e) {
                // the platform does not have this signal (or it is reserved): the shutdown hook still stops
                log.debug("cannot handle SIG{}: {}", name, e.getMessage());
            }
        }
    }
}
