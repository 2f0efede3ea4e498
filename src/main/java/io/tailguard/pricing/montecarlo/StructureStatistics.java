package io.tailguard.pricing.montecarlo;

/**
 * The statistics of one candidate structure and of its unhedged shares on the same paths.
 *
 * @param structure the candidate
 * @param hedged P&amp;L statistics of the whole structure
 * @param unhedged P&amp;L statistics of the same UPRO shares without options
 */
public record StructureStatistics(HedgeStructure structure, PnlStatistics hedged, PnlStatistics unhedged) {

    public StructureStatistics {
        if (structure == null || hedged == null || unhedged == null) {
            throw new IllegalArgumentException("structure, hedged and unhedged must not be null");
        }
    }

    /** What the hedge costs in expected P&amp;L (positive when hedging gives up expected gain). */
    public double expectedCostOfHedge() {
        return unhedged.expected() - hedged.expected();
    }
}
