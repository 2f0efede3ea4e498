package io.tailguard.app;

/** Process entry point; the command line is defined in {@code io.tailguard.console}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(0);
    }
}
