package io.tailguard.console;

import static java.time.format.DateTimeFormatter.BASIC_ISO_DATE;
import static org.assertj.core.api.Assertions.assertThat;

import io.tailguard.testing.CliProcess;
import io.tailguard.testing.CliProcess.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tailguard hedge preview|roll} as a trader runs them: the built jar on a fresh installation's embedded
 * default (the simulated market follows the wall clock, so nothing here depends on the hour: the roll
 * analyses on the latest close whenever it runs).
 */
class HedgeCliIT {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Pattern CHART = Pattern.compile("(?m)^payout chart: (data/reports/hedge-payout-\\d{4}-\\d{2}-\\d{2}\\.png)$");

    @TempDir
    Path dir;

    CliProcess tailguard;

    @BeforeEach
    void freshInstallation() {
        tailguard = CliProcess.freshInstallation(dir);
    }

    @Test
    void previewOnTheEmbeddedDefaultProposesAHedge() {
        Result r = tailguard.run("hedge", "preview", "--no-analyses");

        assertThat(r.exitCode()).as(r.describe()).isZero();
        assertThat(r.stdout()).as(r.describe()).doesNotContain("NO FEASIBLE HEDGE").contains("chosen: buy ")
                .containsPattern("(?m)^proposal H\\S+ \\(weekly-xsp-hedge\\)$")
                .containsPattern("(?m)^  \\S+-L\\d+ +BUY_PROTECTION +BUY \\d+ XSP ")
                .contains("(preview: nothing stored");
        assertThat(r.logLinesOnStdout()).as(r.describe()).isEmpty();
        assertThat(chart(r)).as(r.describe()).isRegularFile();
    }

    @Test
    void rollOnTheEmbeddedDefaultStoresTheProposalForApproval() {
        LocalDate before = LocalDate.now(NEW_YORK);
        Result r = tailguard.run("hedge", "roll", "--no-analyses");
        LocalDate after = LocalDate.now(NEW_YORK);

        assertThat(r.exitCode()).as(r.describe()).isZero();
        Matcher stored = Pattern.compile("(?m)^stored; approve with: tailguard approve (H\\S+)$").matcher(r.stdout());
        assertThat(stored.find()).as(r.describe()).isTrue();
        // the New York date, like a trader's proposal (in the evening UTC's date is already the next day's)
        assertThat(stored.group(1)).matches("H-(" + BASIC_ISO_DATE.format(before) + "|" + BASIC_ISO_DATE.format(after)
                + ")-\\d{6}-[0-9a-f]{3}");
        assertThat(r.logLinesOnStdout()).as(r.describe()).isEmpty();

        Result listed = tailguard.run("proposals");
        assertThat(listed.exitCode()).as(listed.describe()).isZero();
        assertThat(listed.stdout()).as(listed.describe()).contains(stored.group(1));
        // the shipped trading limits let the shipped strategy's week through (a 5,000 USD weekly premium did not)
        Result shown = tailguard.run("proposal", stored.group(1));
        assertThat(shown.exitCode()).as(shown.describe()).isZero();
        assertThat(shown.stdout()).as(shown.describe()).contains(stored.group(1)).doesNotContain("DENIED");
    }

    @Test
    void anInfeasibleRollSaysWhichToleranceWouldHavePassedAndWhereItsChartIs() throws Exception {
        String shipped = Files.readString(dir.resolve("strategies/weekly-xsp-hedge.yaml"));
        assertThat(shipped).contains("fractionOfPosition: 0.027");
        tailguard.write("strategies/tight.yaml", shipped.replace("fractionOfPosition: 0.027", "fractionOfPosition: 0.002"));

        Result r = tailguard.run("hedge", "preview", "--strategy", "strategies/tight.yaml", "--no-analyses");

        assertThat(r.exitCode()).as(r.describe()).isZero();
        assertThat(r.stdout()).as(r.describe()).contains("NO FEASIBLE HEDGE", "closest (not proposed): ",
                "proposal: none (no structure within the loss tolerance)");
        Matcher figure = Pattern.compile("(?m)^feasible tolerance: the smallest at which a structure passes on these "
                + "paths is a P5 loss of (\\d+) USD; in the strategy file lossTolerance\\.fractionOfPosition: "
                + "(0\\.\\d{1,4}) \\(").matcher(r.stdout());
        assertThat(figure.find()).as(r.describe()).isTrue();
        assertThat(Double.parseDouble(figure.group(2))).isGreaterThan(0.002).isLessThan(1);
        assertThat(r.logLinesOnStdout()).as(r.describe()).isEmpty();
        assertThat(chart(r)).as(r.describe()).isRegularFile();
    }

    private Path chart(Result r) {
        Matcher m = CHART.matcher(r.stdout());
        assertThat(m.find()).as(r.describe()).isTrue();
        return dir.resolve(m.group(1));
    }
}
