package io.tailguard.sources.edgar;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.retry.Retry;
import io.tailguard.sources.HttpLimits;
import io.tailguard.sources.SignalSourcesConfig;
import io.tailguard.sources.SourceException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code GET {baseUrl}/api/xbrl/companyfacts/CIK##########.json} (ten-digit, zero-padded CIK):
 * {@code {"cik":320193,"entityName":"Apple Inc.","facts":{"us-gaap":{"Revenues":{"units":{"USD":[{"start":..,
 * "end":..,"val":..,"accn":..,"fy":..,"fp":"FY","form":"10-K","filed":..}]}}}}}}. Every request carries the
 * configured User-Agent (SEC refuses anonymous clients with 403) and goes through a 10-per-second limiter.
 */
public final class EdgarClient {
    private final SignalSourcesConfig.Edgar config;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private final RateLimiter rateLimiter;
    private final Retry retry;

    public EdgarClient(SignalSourcesConfig.Edgar config, HttpClient http) {
        this.config = config;
        this.http = http;
        HttpLimits limits = HttpLimits.of("edgar", config.requestsPerSecond(), config.maxAttempts(), config.retryWait(),
                SourceException::isTransient);
        this.rateLimiter = limits.rateLimiter();
        this.retry = limits.retry();
    }

    public CompanyFacts companyFacts(long cik) {
        String padded = String.format("CIK%010d", cik);
        HttpRequest request = HttpRequest.newBuilder(URI.create(config.baseUrl() + "/api/xbrl/companyfacts/" + padded
                        + ".json"))
                .timeout(config.timeout())
                .header("User-Agent", config.userAgent())
                .header("Accept", "application/json")
                .GET().build();
        return Retry.decorateSupplier(retry, RateLimiter.decorateSupplier(rateLimiter, () -> fetch(padded, request)))
                .get();
    }

    private CompanyFacts fetch(String padded, HttpRequest request) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw SourceException.ofIo("EDGAR " + padded, request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceException("EDGAR " + padded + ": interrupted", false, e);
        }
        int status = response.statusCode();
        return switch (status) {
            case 200 -> parse(padded, response.body());
            case 403 -> throw new SourceException("EDGAR " + padded + ": HTTP 403 refused; SEC requires a User-Agent "
                    + "naming you and an e-mail address (edgar.userAgent), and blocks clients above 10 requests/s", false);
            case 404 -> throw new SourceException("EDGAR " + padded + ": HTTP 404, no company facts for this CIK", false);
            default -> throw new SourceException("EDGAR " + padded + ": HTTP " + status, status == 429 || status >= 500);
        };
    }

    CompanyFacts parse(String padded, String body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new SourceException("EDGAR " + padded + ": malformed JSON response: " + e.getOriginalMessage(), false, e);
        }
        if (root == null || !root.path("facts").isObject()) {
            throw new SourceException("EDGAR " + padded + ": response has no 'facts' object", false);
        }
        Map<String, List<CompanyFacts.Fact>> byTag = new HashMap<>();
        JsonNode gaap = root.path("facts").path("us-gaap");
        for (Map.Entry<String, JsonNode> concept : gaap.properties()) {
            JsonNode usd = concept.getValue().path("units").path("USD");
            if (!usd.isArray()) {
                continue;
            }
            List<CompanyFacts.Fact> facts = new ArrayList<>();
            for (JsonNode entry : usd) {
                facts.add(fact(padded, concept.getKey(), entry));
            }
            byTag.put(concept.getKey(), facts);
        }
        return new CompanyFacts(root.path("cik").asLong(), root.path("entityName").asText(""), byTag);
    }

    private static CompanyFacts.Fact fact(String padded, String tag, JsonNode entry) {
        try {
            if (!entry.path("val").isNumber()) {
                throw new SourceException("EDGAR " + padded + " " + tag + ": 'val' is not a number: " + entry, false);
            }
            LocalDate start = entry.hasNonNull("start") ? LocalDate.parse(entry.get("start").asText()) : null;
            return new CompanyFacts.Fact(start, LocalDate.parse(entry.path("end").asText()), entry.get("val").asDouble(),
                    entry.path("fp").asText(""), entry.path("form").asText(""), LocalDate.parse(entry.path("filed").asText()));
        } catch (DateTimeParseException e) {
            throw new SourceException("EDGAR " + padded + " " + tag + ": bad date in " + entry, false, e);
        }
    }
}
