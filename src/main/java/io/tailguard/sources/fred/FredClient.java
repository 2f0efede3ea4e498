package io.tailguard.sources.fred;

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
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code GET {baseUrl}/series/observations?series_id=..&api_key=..&file_type=json&observation_start=..}.
 * FRED answers {@code {"observations":[{"date":"2026-11-19","value":"4.12"},...]}} with values as strings and "."
 * for a missing day, and errors as {@code {"error_code":400,"error_message":"Bad Request.  The series does not
 * exist."}}. 429 and 5xx are retried; other errors are reported with FRED's own message. The API key never appears
 * in a message.
 */
public final class FredClient {
    private final SignalSourcesConfig.Fred config;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private final RateLimiter rateLimiter;
    private final Retry retry;

    public FredClient(SignalSourcesConfig.Fred config, HttpClient http) {
        this.config = config;
        this.http = http;
        HttpLimits limits = HttpLimits.of("fred", config.requestsPerSecond(), config.maxAttempts(), config.retryWait(),
                SourceException::isTransient);
        this.rateLimiter = limits.rateLimiter();
        this.retry = limits.retry();
    }

    /** Observations of one series from {@code start} on, oldest first. */
    public List<FredObservation> observations(String seriesId, LocalDate start) {
        if (config.apiKey() == null || config.apiKey().isBlank()) {
            throw new SourceException("FRED " + seriesId + ": no API key; set FRED_API_KEY or fred.apiKey", false);
        }
        URI uri = URI.create(config.baseUrl() + "/series/observations?series_id=" + encode(seriesId)
                + "&api_key=" + encode(config.apiKey()) + "&file_type=json&observation_start=" + start);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(config.timeout()).GET().build();
        return Retry.decorateSupplier(retry, RateLimiter.decorateSupplier(rateLimiter, () -> fetch(seriesId, request)))
                .get();
    }

    private List<FredObservation> fetch(String seriesId, HttpRequest request) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw SourceException.ofIo("FRED " + seriesId, request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceException("FRED " + seriesId + ": interrupted", false, e);
        }
        int status = response.statusCode();
        if (status != 200) {
            boolean transientFailure = status == 429 || status >= 500;
            throw new SourceException("FRED " + seriesId + ": HTTP " + status + errorMessage(response.body()),
                    transientFailure);
        }
        return parse(seriesId, response.body());
    }

    List<FredObservation> parse(String seriesId, String body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new SourceException("FRED " + seriesId + ": malformed JSON response: " + e.getOriginalMessage(), false, e);
        }
        if (root == null || root.has("error_message")) {
            throw new SourceException("FRED " + seriesId + ": " + (root == null ? "empty response"
                    : root.path("error_message").asText()), false);
        }
        JsonNode observations = root.get("observations");
        if (observations == null || !observations.isArray()) {
            throw new SourceException("FRED " + seriesId + ": response has no 'observations' array", false);
        }
        List<FredObservation> out = new ArrayList<>();
        for (JsonNode node : observations) {
            String date = node.path("date").asText("");
            String value = node.path("value").asText("");
            if (".".equals(value)) {
                continue;
            }
            try {
                out.add(new FredObservation(LocalDate.parse(date), Double.parseDouble(value)));
            } catch (DateTimeParseException | NumberFormatException e) {
                throw new SourceException("FRED " + seriesId + ": bad observation date='" + date + "' value='" + value
                        + "'", false, e);
            }
        }
        return out;
    }

    private String errorMessage(String body) {
        try {
            JsonNode root = json.readTree(body);
            if (root != null && root.hasNonNull("error_message")) {
                return ": " + root.get("error_message").asText();
            }
        } catch (JsonProcessingException e) {
            // not JSON (a proxy's HTML page): report the status alone
        }
        return "";
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
