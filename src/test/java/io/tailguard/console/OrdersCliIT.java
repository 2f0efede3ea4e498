package io.tailguard.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.tailguard.testing.CliProcess;
import io.tailguard.testing.CliProcess.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The order commands as a trader runs them: the built jar in a child process, on a fresh installation (the
 * shipped configuration: the embedded simulated gateway on the wall clock, H2 under data/). Whether the
 * market is open depends on when the test runs, so nothing here asserts on it; the hours are tested in
 * process with an injected clock (MarketHoursTest, OrderOutcomesTest, MarketHoursOverSimGatewayTest).
 */
class OrdersCliIT {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @TempDir
    Path dir;

    CliProcess tailguard;

    @BeforeEach
    void freshInstallation() {
        tailguard = CliProcess.freshInstallation(dir);
    }

    private Result propose(String qty, String symbol, String expiry, String strike) {
        return tailguard.run("propose", "--buy", qty, symbol, expiry, strike, "P", "--limit", "1.25", "--worst", "1.40");
    }

    private static String idOf(Result r) {
        Matcher m = Pattern.compile("(?m)^proposed (P-\\S+):").matcher(r.stdout());
        assertThat(m.find()).as(r.describe()).isTrue();
        return m.group(1);
    }

    private void assertRefused(Result r, int exitCode, String reason) {
        assertThat(r.exitCode()).as(r.describe()).isEqualTo(exitCode);
        assertThat(r.stdout()).as(r.describe()).isEmpty();
        assertThat(r.stderr().lines().filter(l -> l.startsWith("tailguard: ")).toList()).as(r.describe())
                .singleElement().satisfies(l -> assertThat(l).contains(reason).endsWith("nothing was stored"));
    }

    @Test
    void proposeRefusesWhatTheBrokerDoesNotListAndWhatTheLimitsDenyAndStoresNothing() {
        LocalDate today = LocalDate.now(NEW_YORK);
        LocalDate pastFriday = today.minusDays(7).with(TemporalAdjusters.previousOrSame(DayOfWeek.FRIDAY));
        LocalDate saturday = today.with(TemporalAdjusters.next(DayOfWeek.SATURDAY));

        assertRefused(propose("2", "XSP", pastFriday.toString(), "580"), 2, "expiry " + pastFriday + " has passed");
        assertRefused(propose("2", "XSP", saturday.toString(), "580"), 2, "expiry " + saturday + " is a Saturday");
        assertRefused(propose("2", "XSP", "next", "580.3"), 2, "strike 580.3 is not listed for XSP ");
        assertRefused(propose("2", "FOO", "next", "580"), 2, "unknown symbol FOO");
        assertRefused(propose("1000", "XSP", "next", "580"), 1,
                "refused by the risk limits: max-contracts: 1000 contracts exceed maxContractsPerOrder 50");

        Result all = tailguard.run("proposals", "--all");
        assertThat(all.exitCode()).as(all.describe()).isZero();
        assertThat(all.stdout()).as(all.describe()).isEqualTo("no proposals\n");
    }

    @Test
    void theReadmesProposeExampleWorksAsWritten() throws IOException {
        Path readme = Path.of(System.getProperty("tailguard.project.dir", System.getProperty("user.dir")), "README.md");
        Matcher m = Pattern.compile("`(propose --buy [^`]+)`").matcher(Files.readString(readme));
        List<String> examples = new ArrayList<>();
        while (m.find()) {
            examples.add(m.group(1));
        }
        assertThat(examples).as("propose examples in the README").isNotEmpty();
        for (String example : examples) {
            Result r = tailguard.run(example.split(" +"));
            assertThat(r.exitCode()).as(r.describe()).isZero();
            assertThat(r.stdout()).as(r.describe()).startsWith("proposed P-").contains("approve with: tailguard approve ");
        }
    }

    @Test
    void approveRefusesAProposalItsChecksDenyAndShowsEachCheck() {
        // a proposal over the shipped limits, made while the limits were wider (as a strategy could make one)
        String shipped = read("config/tailguard.yaml");
        // the shipped figures change (the weekly budget did): replaced whatever they are
        tailguard.write("config/tailguard.yaml", shipped
                .replaceAll("maxContractsPerOrder: \\d+", "maxContractsPerOrder: 5000")
                .replaceAll("maxPremiumPerWeekUsd: \\d+", "maxPremiumPerWeekUsd: 500000")
                .replaceAll("maxNotionalUsd: \\d+", "maxNotionalUsd: 100000000"));
        Result proposed = propose("1000", "XSP", "next", "580");
        assertThat(proposed.exitCode()).as(proposed.describe()).isZero();
        String id = idOf(proposed);
        tailguard.write("config/tailguard.yaml", shipped);

        Result r = tailguard.run("approve", id);
        assertThat(r.exitCode()).as(r.describe()).isEqualTo(1);
        assertThat(r.stdout()).as(r.describe())
                .containsPattern("(?m)^check +L1 +max-contracts +DENIED 1000 contracts exceed maxContractsPerOrder 50$")
                .containsPattern("(?m)^check +L1 +max-notional +DENIED notional ")
                .containsPattern("(?m)^check +all legs +weekly-premium +DENIED premium this week would be 140000 USD")
                .doesNotContain("approved " + id);
        assertThat(r.stderr()).as(r.describe()).contains("proposal " + id + " cannot be approved: max-contracts: ");

        Result shown = tailguard.run("proposal", id, "--no-quotes");
        assertThat(shown.stdout()).as(shown.describe()).contains(id + "  PROPOSED");
    }

    @Test
    void proposalNamesEachCheckAndCancelWithdrawsAnApprovedProposal() {
        LocalDate before = LocalDate.now(NEW_YORK);
        Result proposed = propose("2", "XSP", "next", "580");
        LocalDate after = LocalDate.now(NEW_YORK);
        assertThat(proposed.exitCode()).as(proposed.describe()).isZero();
        String id = idOf(proposed);
        assertThat(id).as("the id carries the New York date").matches("P-(" + compact(before) + "|" + compact(after)
                + ")-\\d{6}-[0-9a-f]{3}");

        Result shown = tailguard.run("proposal", id, "--no-quotes");
        assertThat(shown.exitCode()).as(shown.describe()).isZero();
        List<String> checks = shown.stdoutLines().stream().filter(l -> l.startsWith("check ")).toList();
        for (String name : List.of("trading-state", "max-contracts", "max-notional", "price-bounds")) {
            assertThat(checks).as(shown.describe()).anyMatch(l -> l.matches("check +L1 +" + name + " +ok"));
        }
        assertThat(checks).as(shown.describe()).anyMatch(l -> l.matches("check +all legs +weekly-premium +ok"));
        assertThat(checks).as("no check without a name").noneMatch(l -> l.matches("check +\\S+ +ok"));
        assertThat(shown.stdout()).containsPattern("(?m)^market     (open until|closed now; opens) \\d{4}-\\d\\d-\\d\\d "
                + "\\d\\d:\\d\\d:\\d\\d E[SD]T ");

        Result approved = tailguard.run("approve", id);
        assertThat(approved.exitCode()).as(approved.describe()).isZero();
        assertThat(approved.stdout()).as(approved.describe()).containsPattern("(?m)^approved " + Pattern.quote(id)
                + " by \\S+@\\S+, valid until \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d E[SD]T$");

        Result rejected = tailguard.run("reject", id, "--reason", "too close");
        assertThat(rejected.exitCode()).as(rejected.describe()).isEqualTo(1);
        assertThat(rejected.stderr()).contains("tailguard cancel " + id);

        Result cancelled = tailguard.run("cancel", id, "--reason", "changed my mind");
        assertThat(cancelled.exitCode()).as(cancelled.describe()).isZero();
        assertThat(cancelled.stdout()).as(cancelled.describe()).isEqualTo("cancelled " + id + ": nothing had been sent\n");
        Result withdrawn = tailguard.run("proposal", id, "--no-quotes");
        assertThat(withdrawn.stdout()).as(withdrawn.describe()).contains(id + "  CANCELLED")
                .containsPattern("(?m)^cancel     requested by \\S+@\\S+ at .+: changed my mind$");
        Result again = tailguard.run("cancel", id, "--reason", "twice");
        assertThat(again.exitCode()).as(again.describe()).isEqualTo(1);
        assertThat(again.stderr()).contains("is CANCELLED: nothing is working");
    }

    private static String compact(LocalDate d) {
        return d.toString().replace("-", "");
    }

    private String read(String relative) {
        try {
            return Files.readString(tailguard.home().resolve(relative));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
