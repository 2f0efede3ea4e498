package io.tailguard.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Runs tailguard the way a trader does: the built jar ({@code target/tailguard.jar}, made by {@code package})
 * in a child process, from an installation directory of its own (a copy of the project's {@code config/},
 * {@code strategies/} and {@code market-history/}), with the logging configuration {@code run.sh} passes.
 * Tests that use it are named {@code *CliIT} and run in Maven's integration-test phase, after the jar is built.
 */
public final class CliProcess {
    private static final Path PROJECT = Path.of(System.getProperty("tailguard.project.dir",
            System.getProperty("user.dir"))).toAbsolutePath();
    private static final Path JAR = PROJECT.resolve("target/tailguard.jar");
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);
    /** The start of a log line as config/logback.xml writes it to the console. */
    private static final java.util.regex.Pattern LOG_LINE = java.util.regex.Pattern.compile(
            "^\\d{2}:\\d{2}:\\d{2}\\.\\d{3} (TRACE|DEBUG|INFO|WARN|ERROR)");

    private final Path home;
    private final Map<String, String> env = new HashMap<>();

    private CliProcess(Path home) {
        this.home = home;
    }

    /** A fresh installation in {@code dir}: the project's shipped configuration, strategies and sample data. */
    public static CliProcess freshInstallation(Path dir) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: CLI tests run after `package` (./mvnw verify)");
        }
        for (String shipped : List.of("config", "strategies")) {
            Path from = PROJECT.resolve(shipped);
            if (Files.isDirectory(from)) {
                copyTree(from, dir.resolve(shipped));
            }
        }
        // the history is 16 MB and only read: a link, not a copy per test
        try {
            Files.createSymbolicLink(dir.resolve("market-history"), PROJECT.resolve("market-history").toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CliProcess(dir);
    }

    /** The installation directory: the working directory of every command. */
    public Path home() {
        return home;
    }

    /** An environment variable for every later command. */
    public CliProcess env(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** Writes (or replaces) a file of the installation, e.g. {@code config/tailguard.yaml}. */
    public Path write(String relativePath, String content) {
        Path file = home.resolve(relativePath);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Runs one command to its end (two minutes at most) and returns what it printed and its exit code. */
    public Result run(String... args) {
        return run(DEFAULT_TIMEOUT, args);
    }

    public Result run(Duration timeout, String... args) {
        Running running = start(args);
        return running.awaitExit(timeout);
    }

    /** Starts a command (the daemon, say) and returns at once; stdout and stderr are collected as they come. */
    public Running start(String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dlogback.configurationFile=config/logback.xml", "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("TAILGUARD_") || name.equals("FRED_API_KEY"));
        builder.environment().putAll(env);
        builder.redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        try {
            return new Running(command, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    /** What one finished command printed, apart, and how it ended. */
    public record Result(List<String> command, int exitCode, String stdout, String stderr) {
        /** For assertion messages: everything the command printed, labelled. */
        public String describe() {
            return String.join(" ", command.subList(4, command.size())) + " -> exit " + exitCode
                    + "\n--- stdout ---\n" + stdout + "--- stderr ---\n" + stderr;
        }

        public List<String> stdoutLines() {
            return stdout.lines().toList();
        }

        /** Lines of stdout that look like what config/logback.xml writes for a log event: there should be none. */
        public List<String> logLinesOnStdout() {
            return stdout.lines().filter(l -> LOG_LINE.matcher(l).find()).toList();
        }
    }

    /** A command still running; its output is read by two threads so that it never blocks on a full pipe. */
    public static final class Running implements AutoCloseable {
        private final List<String> command;
        private final Process process;
        private final StringBuffer stdout = new StringBuffer();
        private final StringBuffer stderr = new StringBuffer();
        private final Thread outReader;
        private final Thread errReader;

        private Running(List<String> command, Process process) {
            this.command = command;
            this.process = process;
            this.outReader = pump(process.getInputStream(), stdout, "cli-stdout");
            this.errReader = pump(process.getErrorStream(), stderr, "cli-stderr");
        }

        private static Thread pump(InputStream in, StringBuffer into, String name) {
            Thread t = new Thread(() -> {
                byte[] buffer = new byte[8192];
                try (in) {
                    int n;
                    while ((n = in.read(buffer)) >= 0) {
                        into.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                    }
                } catch (IOException ignored) {
                    // the process ended
                }
            }, name);
            t.setDaemon(true);
            t.start();
            return t;
        }

        public long pid() {
            return process.pid();
        }

        public boolean isAlive() {
            return process.isAlive();
        }

        public String stdoutSoFar() {
            return stdout.toString();
        }

        public String stderrSoFar() {
            return stderr.toString();
        }

        /** Waits until stdout (or, with {@code stderr = true}, stderr) satisfies the condition. */
        public void awaitOutput(String what, Duration timeout, boolean onStderr, Predicate<String> condition) {
            Await.until(what + " (output so far:\n" + stdout + "\n" + stderr + ")", timeout, () -> {
                if (!process.isAlive() && !condition.test((onStderr ? stderr : stdout).toString())) {
                    throw new AssertionError("the process ended before " + what + ":\n" + stdout + "\n" + stderr);
                }
                return condition.test((onStderr ? stderr : stdout).toString());
            });
        }

        /** SIGTERM, as Ctrl-C or a service manager would, then waits for the end. */
        public Result stop(Duration timeout) {
            process.destroy();
            return awaitExit(timeout);
        }

        /** SIGKILL: a crash. */
        public void kill() {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        public Result awaitExit(Duration timeout) {
            try {
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError("command did not finish within " + timeout + ": " + command
                            + "\n--- stdout ---\n" + stdout + "--- stderr ---\n" + stderr);
                }
                outReader.join(10_000);
                errReader.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
            return new Result(command, process.exitValue(), stdout.toString(), stderr.toString());
        }

        @Override
        public void close() {
            if (process.isAlive()) {
                process.destroy();
                try {
                    if (!process.waitFor(30, TimeUnit.SECONDS)) {
                        process.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    process.destroyForcibly();
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private static void copyTree(Path from, Path to) {
        try {
            Files.walkFileTree(from, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.REPLACE_EXISTING);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
