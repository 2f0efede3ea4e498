package io.tailguard.ledger;

import io.tailguard.domain.OrderSide;
import io.tailguard.ledger.tax.LotDisposal;
import io.tailguard.ledger.tax.LotMethod;
import io.tailguard.ledger.tax.Section1256;
import io.tailguard.ledger.tax.ShareTrade;
import io.tailguard.ledger.tax.TaxLot;
import io.tailguard.ledger.tax.TaxLotBook;
import io.tailguard.ledger.tax.WashSale;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * One tax year from the ledger's entries. Index options (1256): the year's cash flows, including their
 * commissions, plus the year-end mark of positions still open minus the previous year-end mark of those
 * carried in, split 60/40. UPRO options: not 1256; their cash flows in the year are listed apart.
 * UPRO shares: tax lots from the share fills and assignments (the first cycle's starting position is the
 * opening lot at that cycle's start price, which the trader must replace with the broker's real lots),
 * with wash sales flagged.
 */
public final class TaxYearView {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    /** The year's figures and what the trader has to look at. */
    public record Result(int year, Section1256.Split section1256, BigDecimal equityOptionsCash,
            List<LotDisposal> shareDisposals, List<WashSale> washSales, List<TaxLot> openLots, List<String> flags) {
    }

    private TaxYearView() {
    }

    /**
     * @param yearEndMark the valuation of a cycle at the last mark of a year, if it has one
     */
    public static Result of(int year, List<HedgeCycle> cycles, Map<String, List<LedgerEntry>> entries,
            BiFunction<String, Integer, Optional<Valuation>> yearEndMark, LotMethod method) {
        List<String> flags = new ArrayList<>();
        BigDecimal realized = BigDecimal.ZERO;
        BigDecimal endMark = BigDecimal.ZERO;
        BigDecimal equityOptions = BigDecimal.ZERO;
        for (HedgeCycle c : cycles) {
            List<LedgerEntry> index = entries.get(c.id()).stream().filter(e -> is1256(e.instrument())).toList();
            for (LedgerEntry e : index) {
                if (yearOf(e) == year) {
                    realized = realized.add(e.amount());
                }
            }
            BigDecimal carriedIn = openValue(c, index, year - 1, yearEndMark, flags);
            BigDecimal carriedOut = openValue(c, index, year, yearEndMark, flags);
            realized = realized.subtract(carriedIn);
            endMark = endMark.add(carriedOut);
            for (LedgerEntry e : entries.get(c.id())) {
                if (e.instrument().isOption() && !is1256(e.instrument()) && yearOf(e) == year) {
                    equityOptions = equityOptions.add(e.amount());
                }
            }
        }
        TaxLotBook.Result lots = new TaxLotBook(method).apply(shareTrades(cycles, entries, year, flags));
        List<LotDisposal> disposals = lots.disposals().stream().filter(d -> d.sold().getYear() == year).toList();
        List<WashSale> washes = new ArrayList<>();
        Set<String> salesInYear = new HashSet<>();
        disposals.forEach(d -> salesInYear.add(d.saleRef()));
        for (WashSale w : lots.washSales()) {
            if (salesInYear.contains(w.saleRef())) {
                washes.add(w);
                flags.add("wash sale: " + w.shares().stripTrailingZeros().toPlainString() + " shares of sale "
                        + w.saleRef() + " replaced by lot " + w.replacementLotRef() + ": loss of "
                        + w.disallowedLoss().setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString()
                        + " disallowed and added to that lot's basis");
            }
        }
        return new Result(year, Section1256.split(realized, endMark), equityOptions, disposals, washes,
                lots.openLots(), flags);
    }

    private static BigDecimal openValue(HedgeCycle c, List<LedgerEntry> index, int year,
            BiFunction<String, Integer, Optional<Valuation>> yearEndMark, List<String> flags) {
        List<LedgerEntry> upTo = index.stream().filter(e -> yearOf(e) <= year).toList();
        Map<String, BigDecimal> open = Positions.open(upTo);
        if (open.isEmpty()) {
            return BigDecimal.ZERO;
        }
        Optional<Valuation> mark = yearEndMark.apply(c.id(), year);
        Map<String, Instrument> instruments = Positions.instruments(upTo);
        BigDecimal value = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal> o : open.entrySet()) {
            BigDecimal price = mark.map(v -> v.optionPrices().get(o.getKey())).orElse(null);
            if (price == null) {
                flags.add("cycle " + c.id() + ": " + o.getKey() + " open at the end of " + year
                        + " has no year-end mark; its 1256 mark to market is missing");
                continue;
            }
            value = value.add(o.getValue().multiply(price)
                    .multiply(BigDecimal.valueOf(instruments.get(o.getKey()).multiplier())));
        }
        return value;
    }

    private static List<ShareTrade> shareTrades(List<HedgeCycle> cycles, Map<String, List<LedgerEntry>> entries,
            int year, List<String> flags) {
        List<ShareTrade> trades = new ArrayList<>();
        List<HedgeCycle> ordered = cycles.stream().sorted(Comparator.comparing(HedgeCycle::openedAt)).toList();
        if (!ordered.isEmpty() && ordered.get(0).sharesStart().signum() > 0) {
            HedgeCycle first = ordered.get(0);
            trades.add(new ShareTrade("opening " + first.id(), first.openedAt().atZone(NEW_YORK).toLocalDate(),
                    OrderSide.BUY, first.sharesStart(), first.priceStart(), BigDecimal.ZERO));
            flags.add("the opening UPRO lot is the first cycle's position at its start price; replace it with the "
                    + "broker's tax lots for real figures");
        }
        for (HedgeCycle c : ordered) {
            List<LedgerEntry> list = entries.get(c.id());
            Set<Long> reversed = new HashSet<>();
            list.stream().filter(e -> e.reversesId() != null).forEach(e -> reversed.add(e.reversesId()));
            Map<String, BigDecimal> commissions = new HashMap<>();
            list.stream().filter(e -> e.type() == EntryType.COMMISSION && e.execIdBase() != null)
                    .forEach(e -> commissions.merge(e.execIdBase(), e.amount().negate(), BigDecimal::add));
            for (LedgerEntry e : list) {
                boolean shares = !e.instrument().isOption();
                boolean trade = (e.type() == EntryType.FILL && !reversed.contains(e.id()))
                        || e.type() == EntryType.ASSIGNED_SHARES;
                if (!shares || !trade || e.occurredAt().atZone(NEW_YORK).getYear() > year) {
                    continue;
                }
                BigDecimal cost = e.execIdBase() == null ? BigDecimal.ZERO
                        : commissions.getOrDefault(e.execIdBase(), BigDecimal.ZERO);
                trades.add(new ShareTrade(c.id() + ":" + e.sourceRef(), e.occurredAt().atZone(NEW_YORK).toLocalDate(),
                        e.quantity().signum() > 0 ? OrderSide.BUY : OrderSide.SELL, e.quantity().abs(), e.price(),
                        cost));
            }
        }
        return trades;
    }

    private static boolean is1256(Instrument i) {
        return Section1256.isSection1256(i.symbol(), i.isOption());
    }

    private static int yearOf(LedgerEntry e) {
        return e.occurredAt().atZone(NEW_YORK).getYear();
    }

}
