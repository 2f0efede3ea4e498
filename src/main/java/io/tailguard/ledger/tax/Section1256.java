package io.tailguard.ledger.tax;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * Section 1256 contracts (broad-based index options such as XSP): the year's gain or loss, realized plus
 * the mark to market of positions still open at year end, is taxed 60% long-term and 40% short-term
 * whatever the holding period. UPRO shares and UPRO options are not 1256 contracts.
 */
public final class Section1256 {
    private static final BigDecimal LONG_TERM_SHARE = new BigDecimal("0.60");

    private Section1256() {
    }

    /** One year's split. {@code longTerm + shortTerm == total} to the cent. */
    public record Split(BigDecimal realized, BigDecimal yearEndMark, BigDecimal total, BigDecimal longTerm,
            BigDecimal shortTerm) {
    }

    /**
     * @param realized    realized gain (+) or loss (−) on 1256 contracts closed in the year
     * @param yearEndMark gain or loss of those still open, marked at the last business day's settlement
     */
    public static Split split(BigDecimal realized, BigDecimal yearEndMark) {
        Objects.requireNonNull(realized, "realized");
        Objects.requireNonNull(yearEndMark, "yearEndMark");
        BigDecimal total = realized.add(yearEndMark).setScale(2, RoundingMode.HALF_EVEN);
        BigDecimal longTerm = total.multiply(LONG_TERM_SHARE).setScale(2, RoundingMode.HALF_EVEN);
        return new Split(realized, yearEndMark, total, longTerm, total.subtract(longTerm));
    }

    /** XSP, SPX and other cash-settled broad-based index options are 1256 contracts; equity and ETF options are not. */
    public static boolean isSection1256(String symbol, boolean isOption) {
        return isOption && (symbol.equals("XSP") || symbol.equals("SPX") || symbol.equals("SPXW")
                || symbol.equals("NDX") || symbol.equals("RUT") || symbol.equals("VIX"));
    }
}
