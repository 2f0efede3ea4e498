package io.tailguard.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.tailguard.testing.CliProcess;
import io.tailguard.testing.CliProcess.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code ./run.sh …} line of the README's shell blocks, run as written on a fresh installation (the built
 * jar, as run.sh runs it), while the daemon the README starts first runs beside them: each must exit 0 and print
 * no stack trace. The examples run in the README's order; a daemon example replaces the daemon running before it.
 * {@code ID} stands for the proposal id the latest {@code propose} or {@code hedge roll} example printed, and
 * {@code > FILE} redirects a result, which must not be empty. So no example can go stale without this failing.
 */
class ReadmeExamplesCliIT {
    private static final Path README = Path.of(System.getProperty("tailguard.project.dir", ".")).resolve("README.md");
    private static final Pattern PROPOSAL_ID = Pattern.compile("\\b([A-Z]-?\\d{8}-[0-9A-Za-z-]+)\\b");

    @TempDir
    Path dir;

    /** One example: the words after {@code ./run.sh}, and the README line it came from. */
    record Example(List<String> args, int line) {
        boolean isDaemon() {
            List<String> rest = new ArrayList<>(args);
            if (rest.size() >= 2 && (rest.get(0).equals("--config") || rest.get(0).equals("-c"))) {
                rest = rest.subList(2, rest.size());
            }
            return rest.isEmpty() || rest.equals(List.of("run"));
        }

    }

    static List<Example> examples(List<String> readme) {
        List<Example> examples = new ArrayList<>();
        boolean inShell = false;
        for (int i = 0; i < readme.size(); i++) {
            String line = readme.get(i).strip();
            if (line.startsWith("```")) {
                inShell = !inShell && line.equals("```sh");
                continue;
            }
            if (inShell && (line.equals("./run.sh") || line.startsWith("./run.sh "))) {
                examples.add(new Example(words(withoutComment(line.substring("./run.sh".length()))), i + 1));
            }
        }
        return examples;
    }

    /** A shell comment starts at a '#' after white space, outside quotes. */
    private static String withoutComment(String line) {
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '#' && !quoted && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    /** Splits as the shell does for the plain words and double quotes the README uses. */
    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        boolean inWord = false;
        for (char c : text.strip().toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
                inWord = true;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    @Test
    void everyExampleRunsAsWritten() throws IOException {
        List<Example> examples = examples(Files.readAllLines(README));
        assertThat(examples).as("shell examples in " + README).hasSizeGreaterThan(15);
        assertThat(examples.get(0).isDaemon()).as("the README starts the daemon first").isTrue();
        CliProcess tailguard = CliProcess.freshInstallation(dir);
        CliProcess.Running daemon = null;
        String lastProposal = null;
        try {
            for (Example e : examples) {
                if (e.isDaemon()) {
                    // a daemon example replaces the running daemon: the README starts one, then shows another config's
                    if (daemon != null) {
                        daemon.stop(Duration.ofSeconds(60));
                    }
                    daemon = tailguard.start(e.args().toArray(String[]::new));
                    daemon.awaitOutput("the daemon ready (README line " + e.line() + ")", Duration.ofSeconds(90), true,
                            err -> err.contains("tailguard daemon ready"));
                    continue;
                }
                List<String> args = new ArrayList<>(e.args());
                if (args.contains("ID")) {
                    assertThat(lastProposal).as("README line " + e.line() + " uses ID, but no example before it "
                            + "printed a proposal id").isNotNull();
                    String id = lastProposal;
                    args.replaceAll(a -> a.equals("ID") ? id : a);
                }
                int redirect = args.indexOf(">");
                Path into = redirect < 0 ? null : dir.resolve(args.get(redirect + 1));
                if (redirect >= 0) {
                    args = args.subList(0, redirect);
                }
                Result r = tailguard.run(Duration.ofMinutes(3), args.toArray(String[]::new));
                expectSuccess(r, e);
                if (into != null) {
                    Files.writeString(into, r.stdout());
                    assertThat(r.stdout()).as("README line " + e.line() + " redirects its result: " + r.describe())
                            .isNotBlank();
                }
                Matcher m = PROPOSAL_ID.matcher(r.stdout());
                if ((args.get(0).equals("propose") || args.equals(List.of("hedge", "roll"))) && m.find()) {
                    lastProposal = m.group(1);
                }
            }
            if (daemon != null) {
                assertThat(daemon.isAlive()).as("the daemon survived the examples: " + daemon.stderrSoFar()).isTrue();
            }
        } finally {
            if (daemon != null) {
                daemon.close();
            }
        }
    }

    private static void expectSuccess(Result r, Example e) {
        assertThat(r.exitCode()).as("README line " + e.line() + ": " + r.describe()).isZero();
        assertThat(r.stdout() + r.stderr()).as("README line " + e.line() + ": " + r.describe())
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(r.logLinesOnStdout()).as("README line " + e.line() + ": no log line on stdout").isEmpty();
    }
}
