package io.tailguard.sources.edgar;

import static io.tailguard.testing.RecordedHttpServer.ok;
import static io.tailguard.testing.RecordedHttpServer.recorded;
import static org.assertj.core.api.Assertions.assertThat;

import io.tailguard.signals.Observation;
import io.tailguard.signals.SignalSeries;
import io.tailguard.signals.SignalSeries.Fundamental;
import io.tailguard.testing.RecordedHttpServer;
import io.tailguard.testing.SourceFixtures;
import java.net.http.HttpClient;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AnnualFiguresTest {
    private static final LocalDate FY2025 = LocalDate.of(2025, 6, 30);
    private static final LocalDate FY2026 = LocalDate.of(2026, 6, 30);
    private static RecordedHttpServer server;
    private static List<Observation> figures;

    @BeforeAll
    static void fetch() {
        server = new RecordedHttpServer();
        server.route("/api/xbrl/companyfacts/CIK0000789019.json", "", ok(recorded("edgar/CIK0000789019.json")));
        figures = AnnualFigures.of("MSFT", new EdgarClient(SourceFixtures.edgar(server.baseUri()),
                HttpClient.newHttpClient()).companyFacts(789019));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static List<Observation> of(Fundamental f) {
        return figures.stream().filter(o -> o.series().equals(SignalSeries.fundamental("MSFT", f))).toList();
    }

    @Test
    void keepsEveryFilingOfAYearAsARevisionKnownOnItsFiledDate() {
        assertThat(of(Fundamental.REVENUE)).contains(
                new Observation(SignalSeries.fundamental("MSFT", Fundamental.REVENUE), FY2025, LocalDate.of(2025, 7, 30),
                        281_724_000_000.0),
                new Observation(SignalSeries.fundamental("MSFT", Fundamental.REVENUE), FY2025, LocalDate.of(2026, 7, 30),
                        281_724_000_000.0));
    }

    @Test
    void ignoresQuarterlyValuesInsideAnnualFilings() {
        assertThat(of(Fundamental.REVENUE)).extracting(Observation::value).doesNotContain(76_441_000_000.0);
        assertThat(of(Fundamental.REVENUE)).extracting(Observation::value).doesNotContain(77_673_000_000.0);
    }

    @Test
    void fallsBackToTheNewerRevenueConceptForLaterYears() {
        assertThat(of(Fundamental.REVENUE)).anySatisfy(o -> {
            assertThat(o.observedOn()).isEqualTo(FY2026);
            assertThat(o.value()).isEqualTo(318_000_000_000.0);
        });
    }

    @Test
    void readsDebtAsAnInstantAndEbitdaComponentsAsFlows() {
        assertThat(of(Fundamental.DEBT)).extracting(Observation::observedOn).containsExactly(FY2025, FY2026);
        assertThat(of(Fundamental.OPERATING_INCOME)).singleElement().extracting(Observation::value)
                .isEqualTo(145_000_000_000.0);
        assertThat(of(Fundamental.DEPRECIATION_AND_AMORTIZATION)).singleElement().extracting(Observation::value)
                .isEqualTo(30_000_000_000.0);
        assertThat(of(Fundamental.RESEARCH_AND_DEVELOPMENT)).singleElement().extracting(Observation::availableOn)
                .isEqualTo(LocalDate.of(2026, 7, 30));
    }
}
