package io.tailguard.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.tailguard.ledger.CyclePnl;
import io.tailguard.ledger.LedgerFixture;
import io.tailguard.ledger.ReferenceWeek;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PnlChartsTest {
    @TempDir
    Path dir;

    private final LedgerFixture f = new LedgerFixture();
    private final PnlReport report = new PnlReport(f.ledger, f.store);

    @AfterEach
    void close() {
        f.close();
    }

    private static void assertPng(Path file) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(PnlCharts.WIDTH);
        assertThat(image.getHeight()).isEqualTo(PnlCharts.HEIGHT);
    }

    @Test
    void drawsTheCumulativeAndWeeklyChartsOfTheClosedCycles() throws IOException {
        f.referenceWeekClosed();
        f.secondWeekClosed();
        List<CyclePnl> closed = report.closedResults();
        assertPng(PnlCharts.cumulative(closed, dir.resolve("reports/cumulative.png")));
        assertPng(PnlCharts.weeklyBars(closed, dir.resolve("reports/weekly.png")));
    }

    @Test
    void drawsACyclesRealizedOutcomeOnItsPayoffAtExpiry() throws IOException {
        f.referenceWeekClosed();
        PnlReport.CycleView v = report.cycle(ReferenceWeek.CYCLE).orElseThrow();
        assertPng(PnlCharts.cyclePayoff(v.cycle(), report.entries(ReferenceWeek.CYCLE), v.pnl().orElseThrow(),
                dir.resolve("cycle.png")));
    }
}
