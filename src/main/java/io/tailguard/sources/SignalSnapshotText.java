package io.tailguard.sources;

import io.tailguard.signals.CandidateTrade;
import io.tailguard.signals.LayerDetail;
import io.tailguard.signals.LayerReading;
import io.tailguard.signals.Outcome;
import io.tailguard.signals.SignalSnapshot;
import io.tailguard.signals.SnapshotInput;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Plain-text tables of a snapshot and of the history, for {@code tailguard signals [--history]}. */
public final class SignalSnapshotText {
    private static final DateTimeFormatter TAKEN_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'")
            .withZone(ZoneOffset.UTC);

    private SignalSnapshotText() {
    }

    public static String render(SignalSnapshot s) {
        StringBuilder out = new StringBuilder();
        out.append("Signal snapshot as of ").append(s.asOf()).append(" (taken ").append(TAKEN_AT.format(s.takenAt()))
                .append(")\n\n");
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
        out.append(String.format(Locale.ROOT, "  %-36s %-10s %-10s %14s %6s%n", "series", "observed", "available",
                "value", "points"));
        for (SnapshotInput i : s.inputs()) {
            out.append(String.format(Locale.ROOT, "  %-36s %-10s %-10s %14.4f %6d%n", i.series(), i.observedOn(),
                    i.availableOn(), i.value(), i.pointsUsed()));
        }
        return out.toString();
    }

    /** One line per snapshot, oldest first, marking the runs where the regime or hold/out changed. */
    public static String renderHistory(List<SignalSnapshot> history) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-10s %-17s %-11s %-17s %-8s %-5s %-9s %-21s %s%n", "as of", "taken",
                "regime", "vol regime", "hold/out", "calm", "exposure", "hedge", "change"));
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
            out.append(String.format(Locale.ROOT, "%-10s %-17s %-11s %-17s %-8s %-5d %-9s %-21s %s%n", s.asOf(),
                    TAKEN_AT.format(s.takenAt()), regime, text(s.volatilityRegime()), hold, s.memory().calmDays(),
                    s.exposureMultiplier() instanceof Outcome.Known<Double> k
                            ? String.format(Locale.ROOT, "%.2f", k.value()) : "UNKNOWN",
                    text(s.hedgeIntensity()), change.strip()));
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
