package io.tailguard.sources.fred;

import static io.tailguard.testing.RecordedHttpServer.ok;
import static io.tailguard.testing.RecordedHttpServer.recorded;
import static io.tailguard.testing.RecordedHttpServer.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tailguard.sources.SourceException;
import io.tailguard.testing.RecordedHttpServer;
import io.tailguard.testing.SourceFixtures;
import java.net.http.HttpClient;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FredClientTest {
    private static final String PATH = "/fred/series/observations";
    private static final LocalDate START = LocalDate.of(2026, 11, 10);
    private final RecordedHttpServer server = new RecordedHttpServer();
    private final FredClient client = new FredClient(SourceFixtures.fred(server.baseUri()), HttpClient.newHttpClient());

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void parsesObservationsAndSkipsFredsDotForMissingDays() {
        server.route(PATH, "series_id=DGS10", ok(recorded("fred/dgs10-observations.json")));

        List<FredObservation> observations = client.observations("DGS10", START);

        assertThat(observations).hasSize(7).first().isEqualTo(new FredObservation(START, 4.42));
        assertThat(observations).extracting(FredObservation::date).doesNotContain(LocalDate.of(2026, 11, 11));
        assertThat(observations.get(6)).isEqualTo(new FredObservation(LocalDate.of(2026, 11, 19), 4.58));
    }

    @Test
    void sendsSeriesKeyJsonFormatAndStartDate() {
        server.route(PATH, "series_id=GDPC1", ok(recorded("fred/gdpc1-observations.json")));

        client.observations("GDPC1", LocalDate.of(2025, 7, 1));

        assertThat(server.requests()).singleElement().satisfies(r -> assertThat(r.query())
                .contains("series_id=GDPC1", "api_key=test-key-123", "file_type=json", "observation_start=2025-07-01"));
    }

    @Test
    void retriesRateLimitingAndThenSucceeds() {
        server.route(PATH, "series_id=DGS10", status(429, recorded("fred/error-429-rate-limit.json")),
                ok(recorded("fred/dgs10-observations.json")));

        assertThat(client.observations("DGS10", START)).hasSize(7);
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void givesUpOnServerErrorsAfterTheConfiguredAttempts() {
        server.route(PATH, "series_id=SOFR", status(500, recorded("fred/error-500.json")));

        assertThatThrownBy(() -> client.observations("SOFR", START))
                .isInstanceOf(SourceException.class)
                .hasMessage("FRED SOFR: HTTP 500: Internal Server Error");
        assertThat(server.requests()).hasSize(3);
    }

    @Test
    void reportsAMissingSeriesWithFredsMessageWithoutRetrying() {
        server.route(PATH, "series_id=NOPE", status(400, recorded("fred/error-400-missing-series.json")));

        assertThatThrownBy(() -> client.observations("NOPE", START))
                .hasMessage("FRED NOPE: HTTP 400: Bad Request.  The series does not exist.");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void reportsARejectedKeyWithoutRevealingIt() {
        server.route(PATH, "series_id=SOFR", status(400, recorded("fred/error-400-bad-api-key.json")));

        assertThatThrownBy(() -> client.observations("SOFR", START))
                .hasMessageContaining("api_key is not registered")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("test-key-123"));
    }

    @Test
    void reportsMalformedJson() {
        server.route(PATH, "series_id=SOFR", ok(recorded("fred/malformed.json")));

        assertThatThrownBy(() -> client.observations("SOFR", START))
                .hasMessageStartingWith("FRED SOFR: malformed JSON response");
    }

    @Test
    void reportsAResponseWithoutObservations() {
        server.route(PATH, "series_id=SOFR", ok(recorded("fred/no-observations.json")));

        assertThatThrownBy(() -> client.observations("SOFR", START))
                .hasMessage("FRED SOFR: response has no 'observations' array");
    }

    @Test
    void refusesToCallWithoutAnApiKey() {
        FredClient keyless = new FredClient(SourceFixtures.fred(server.baseUri()).withApiKey(""),
                HttpClient.newHttpClient());

        assertThatThrownBy(() -> keyless.observations("SOFR", START)).hasMessageContaining("FRED_API_KEY");
        assertThat(server.requests()).isEmpty();
    }
}
