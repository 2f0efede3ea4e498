package io.tailguard.sources;

import io.tailguard.signals.CandidateTrade;
import io.tailguard.signals.InputOrigin;
import io.tailguard.signals.LayerDetail;
import io.tailguard.signals.LayerReading;
import io.tailguard.signals.MissingInput;
import io.tailguard.signals.Outcome;
import io.tailguard.signals.SignalSnapshot;
import io.tailguard.signals.SnapshotInput;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Plain-text tables of a snapshot and of the history, for {@code tailguard signals [--history]}. A snapshot built on
 * anything but live sources says so at the top, and every input line says where it came from (live, simulated, or
 * sample data shipped with tailguard, with the date the sample ends).
 */
public final class SignalSnapshotText {
    private static final DateTimeFormatter TAKEN_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'")
            .withZone(ZoneOffset.UTC);

    private SignalSnapshotText() {
    }

    public static String render(SignalSnapshot s) {
        return render(s, TAKEN_AT::format);
    }

    /** {@code time} formats the moment the snapshot was taken (the console passes New York time). */
    public static String render(SignalSnapshot s, Function<Instant, String> time) {
        StringBuilder out = new StringBuilder();
        out.append("Signal snapshot as of ").append(s.asOf()).append(" (taken ").append(time.apply(s.takenAt()))
                .append(")\n\n");
        row(out, "data", dataLine(s));
        row(out, "regime", explained(s.regime()));
        row(out, "volatility regime", explained(s.volatilityRegime()));
        row(out, "hold/out", explained(s.holdOut()) + "  (memory " + s.memory().state() + ", calm days "
                + s.memory().calmDays() + ")");
        row(out, "exposure multiplier", s.exposureMultiplier() instanceof Outcome.Known<Double> k
                ? String.format(Locale.ROOT, "%.2f", k.value()) : explained(s.exposureMultiplier()));
        row(out, "hedge intensity", explained(s.hedgeIntensity()));

        out.append("\nLayers\n");
        for (LayerReading reading : s.layers()) {
            String layer = String.format(Locale.ROOT, "  %-22s ", reading.layer());
            if (reading.detail() instanceof Outcome.Known<LayerDetail> known) {
                LayerDetail d = known.value();
                out.append(layer).append(d.state()).append('\n');
                for (Map.Entry<String, Double> v : d.values().entrySet()) {
                    out.append(String.format(Locale.ROOT, "      %-32s %14.4f%n", v.getKey(), v.getValue()));
                }
                d.notes().forEach(n -> out.append("      - ").append(n).append('\n'));
            } else {
                out.append(layer).append("UNKNOWN: ").append(reading.detail().reasonOrEmpty()).append('\n');
            }
        }

        out.append("\nCandidate trades (proposals for approval)\n");
        if (s.candidates().isEmpty()) {
            out.append("  none\n");
        }
        for (CandidateTrade t : s.candidates()) {
            out.append(String.format(Locale.ROOT, "  %-18s %-40s %s%n", t.origin(),
                    String.join("; ", t.legs().stream().map(Object::toString).toList()), t.rationale()));
        }

        out.append("\nInputs\n");
        out.append(String.format(Locale.ROOT, "  %-30s %-10s %-10s %16s %6s  %s%n", "series", "observed", "available",
                "value", "points", "origin"));
        for (SnapshotInput i : s.inputs()) {
            out.append(String.format(Locale.ROOT, "  %-30s %-10s %-10s %16.4f %6d  %s%n", i.series(), i.observedOn(),
                    i.availableOn(), i.value(), i.pointsUsed(), origin(i.origin(), s.asOf())));
        }

        out.append("\nMissing inputs\n");
        if (s.missing().isEmpty()) {
            out.append("  none\n");
        }
        // one line per problem, then the series it left without a value: an unreachable source is one entry
        Map<String, List<String>> byProblem = new LinkedHashMap<>();
        for (MissingInput m : s.missing()) {
            byProblem.computeIfAbsent(m.problem(), k -> new ArrayList<>()).add(m.series().toString());
        }
        byProblem.forEach((problem, series) -> {
            out.append("  ").append(problem).append('\n');
            StringBuilder line = new StringBuilder("     ");
            for (String name : series) {
                if (line.length() + name.length() > 110) {
                    out.append(line).append('\n');
                    line = new StringBuilder("     ");
                }
                line.append(' ').append(name);
            }
            out.append(line).append('\n');
        });
        return out.toString();
    }

    /** "live sources", or what share of the inputs is simulated or sample, so nobody mistakes it for live data. */
    private static String dataLine(SignalSnapshot s) {
        if (!s.originsRecorded() && !s.usesNonLiveInputs()) {
            return "origins not recorded (stored before tailguard recorded them)";
        }
        if (!s.usesNonLiveInputs()) {
            return "live sources";
        }
        Map<InputOrigin.Provenance, Long> counts = new EnumMap<>(InputOrigin.Provenance.class);
        s.inputs().forEach(i -> counts.merge(i.origin().provenance(), 1L, Long::sum));
        List<String> parts = new ArrayList<>();
        if (counts.containsKey(InputOrigin.Provenance.SIMULATED)) {
            parts.add(counts.get(InputOrigin.Provenance.SIMULATED) + " inputs SIMULATED (the simulated market)");
        }
        if (counts.containsKey(InputOrigin.Provenance.SAMPLE)) {
            LocalDate oldest = s.inputs().stream().map(i -> i.origin().sampleEnd()).filter(d -> d != null)
                    .min(LocalDate::compareTo).orElseThrow();
            parts.add(counts.get(InputOrigin.Provenance.SAMPLE) + " SAMPLE (shipped with tailguard, not current: "
                    + "oldest sample as of " + oldest + ")");
        }
        if (counts.containsKey(InputOrigin.Provenance.LIVE)) {
            parts.add(counts.get(InputOrigin.Provenance.LIVE) + " live");
        }
        return "NOT LIVE: " + String.join(", ", parts) + "; never trade on it";
    }

    private static String dataText(SignalSnapshot s) {
        return s.usesNonLiveInputs() ? "NOT LIVE" : s.originsRecorded() ? "live" : "?";
    }

    private static String origin(InputOrigin origin, LocalDate asOf) {
        if (origin.sampleEnd() != null && origin.sampleEnd().isBefore(asOf)) {
            return origin + " (" + ChronoUnit.DAYS.between(origin.sampleEnd(), asOf) + " days before this snapshot)";
        }
        return origin.toString();
    }

    /** One line per snapshot, oldest first, marking the runs where the regime or hold/out changed. */
    public static String renderHistory(List<SignalSnapshot> history) {
        return renderHistory(history, TAKEN_AT::format);
    }

    public static String renderHistory(List<SignalSnapshot> history, Function<Instant, String> time) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-10s %-23s %-11s %-17s %-8s %-5s %-9s %-21s %-8s %s%n", "as of",
                "taken", "regime", "vol regime", "hold/out", "calm", "exposure", "hedge", "data", "change"));
        String previousRegime = null;
        String previousHold = null;
        for (SignalSnapshot s : history) {
            String regime = text(s.regime());
            String hold = text(s.holdOut());
            String change = "";
            if (previousRegime != null && !regime.equals(previousRegime)) {
                change += "regime " + previousRegime + " -> " + regime + " ";
            }
            if (previousHold != null && !hold.equals(previousHold)) {
                change += "hold/out " + previousHold + " -> " + hold;
            }
            out.append(String.format(Locale.ROOT, "%-10s %-23s %-11s %-17s %-8s %-5d %-9s %-21s %-8s %s%n", s.asOf(),
                    time.apply(s.takenAt()), regime, text(s.volatilityRegime()), hold, s.memory().calmDays(),
                    s.exposureMultiplier() instanceof Outcome.Known<Double> k
                            ? String.format(Locale.ROOT, "%.2f", k.value()) : "UNKNOWN",
                    text(s.hedgeIntensity()), dataText(s), change.strip()));
            previousRegime = regime;
            previousHold = hold;
        }
        if (history.isEmpty()) {
            out.append("no snapshots stored yet\n");
        }
        return out.toString();
    }

    private static String text(Outcome<?> outcome) {
        return outcome instanceof Outcome.Known<?> known ? known.value().toString() : "UNKNOWN";
    }

    private static String explained(Outcome<?> outcome) {
        return outcome instanceof Outcome.Known<?> known ? known.value().toString()
                : "UNKNOWN: " + outcome.reasonOrEmpty();
    }

    private static void row(StringBuilder out, String label, String value) {
        out.append(String.format(Locale.ROOT, "  %-20s %s%n", label, value));
    }
}
