package io.tailguard.sources.edgar;

import static io.tailguard.testing.RecordedHttpServer.ok;
import static io.tailguard.testing.RecordedHttpServer.recorded;
import static io.tailguard.testing.RecordedHttpServer.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tailguard.testing.RecordedHttpServer;
import io.tailguard.testing.SourceFixtures;
import java.net.http.HttpClient;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EdgarClientTest {
    private static final String MSFT = "/api/xbrl/companyfacts/CIK0000789019.json";
    private final RecordedHttpServer server = new RecordedHttpServer();
    private final EdgarClient client = new EdgarClient(SourceFixtures.edgar(server.baseUri()), HttpClient.newHttpClient());

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void readsUsGaapUsdFactsOfAZeroPaddedCik() {
        server.route(MSFT, "", ok(recorded("edgar/CIK0000789019.json")));

        CompanyFacts facts = client.companyFacts(789019);

        assertThat(facts.entityName()).isEqualTo("MICROSOFT CORPORATION");
        assertThat(facts.usGaapUsd()).containsKeys("Revenues", "LongTermDebt").doesNotContainKey("EarningsPerShareBasic");
        assertThat(facts.usGaapUsd().get("LongTermDebt").get(1)).isEqualTo(new CompanyFacts.Fact(null,
                LocalDate.of(2026, 6, 30), 40_000_000_000.0, "FY", "10-K", LocalDate.of(2026, 7, 30)));
    }

    @Test
    void sendsTheUserAgentSecRequires() {
        server.route(MSFT, "", ok(recorded("edgar/CIK0000789019.json")));

        client.companyFacts(789019);

        assertThat(server.requests()).singleElement()
                .satisfies(r -> assertThat(r.header("User-Agent")).isEqualTo("tailguard-tests tests@example.com"));
    }

    @Test
    void explainsARefusalAsTheUserAgentOrRateRule() {
        server.route(MSFT, "", status(403, recorded("edgar/forbidden.html")));

        assertThatThrownBy(() -> client.companyFacts(789019)).hasMessageContaining("HTTP 403")
                .hasMessageContaining("User-Agent");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void reportsAnUnknownCik() {
        assertThatThrownBy(() -> client.companyFacts(42)).hasMessage(
                "EDGAR CIK0000000042: HTTP 404, no company facts for this CIK");
    }

    @Test
    void retriesRateLimitingAndServerErrors() {
        server.route(MSFT, "", status(429, ""), status(503, ""), ok(recorded("edgar/CIK0000789019.json")));

        assertThat(client.companyFacts(789019).cik()).isEqualTo(789019);
        assertThat(server.requests()).hasSize(3);
    }

    @Test
    void reportsMalformedJson() {
        server.route(MSFT, "", ok(recorded("edgar/malformed.json")));

        assertThatThrownBy(() -> client.companyFacts(789019))
                .hasMessageStartingWith("EDGAR CIK0000789019: malformed JSON response");
    }

    @Test
    void reportsAResponseWithoutFacts() {
        server.route(MSFT, "", ok("{\"cik\":789019,\"entityName\":\"MICROSOFT CORPORATION\"}"));

        assertThatThrownBy(() -> client.companyFacts(789019)).hasMessageContaining("no 'facts' object");
    }
}
