package io.tailguard.report;

import io.tailguard.domain.TraderTime;
import io.tailguard.ledger.CumulativePnl;
import io.tailguard.ledger.CyclePnl;
import io.tailguard.ledger.HedgeCycle;
import io.tailguard.ledger.Instrument;
import io.tailguard.ledger.LedgerEntry;
import io.tailguard.ledger.Positions;
import io.tailguard.ledger.TaxYearView;
import io.tailguard.ledger.tax.LotDisposal;
import io.tailguard.ledger.tax.LotMethod;
import io.tailguard.ledger.tax.Section1256;
import io.tailguard.ledger.tax.TaxLot;
import io.tailguard.ledger.Valuation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The P&amp;L reports as text for the console and as CSV. Money to the cent, returns in percent. */
public final class PnlText {
    private PnlText() {
    }

    /** {@code tailguard pnl}: one cycle, hedged next to unhedged. */
    public static String current(PnlReport.CycleView v) {
        HedgeCycle c = v.cycle();
        StringBuilder b = new StringBuilder();
        b.append("Hedge cycle ").append(c.id()).append("  (").append(v.basis()).append(")\n");
        if (c.demo()) {
            b.append("  DEMO: the week of `tailguard demo` on the simulated gateway; not in your figures, shown until "
                    + "your first cycle\n");
        }
        b.append(String.format(Locale.ROOT, "  %s: %s shares at %s at the start, expiry %s%n", c.underlying(),
                plain(c.sharesStart()), price(c.priceStart()), c.expiry()));
        if (v.pnl().isEmpty()) {
            b.append("  no result yet: the daily mark to market has not priced this cycle\n");
            return b.toString();
        }
        CyclePnl p = v.pnl().get();
        b.append(String.format(Locale.ROOT, "  %s at %s: start value %s%n", c.isOpen() ? "marked" : "closed", price(p.endPrice()),
                money(p.startValue())));
        b.append(String.format(Locale.ROOT, "  %-22s %14s%n", "underlying", money(p.underlying())));
        b.append(String.format(Locale.ROOT, "  %-22s %14s   (premium paid %s, settlements %s)%n", "puts", money(p.puts()),
                money(p.premiumPaid()), money(p.settlementCash())));
        b.append(String.format(Locale.ROOT, "  %-22s %14s   (premium received %s)%n", "calls", money(p.calls()),
                money(p.premiumReceived())));
        b.append(String.format(Locale.ROOT, "  %-22s %14s%s%n", "commissions", money(p.commissions()),
                p.commissionsUnknown() == 0 ? "" : "   (" + p.commissionsUnknown() + " not reported yet: unknown)"));
        b.append(String.format(Locale.ROOT, "  %-22s %14s   %s%n", "net hedged", money(p.net()), pct(p.hedgedReturn())));
        b.append(String.format(Locale.ROOT, "  %-22s %14s   %s%n", "unhedged", money(p.unhedged()), pct(p.unhedgedReturn())));
        b.append(String.format(Locale.ROOT, "  %-22s %14s%n", "loss mitigation",
                p.lossMitigation() == null ? "n/a (no loss)" : pct(p.lossMitigation())));
        b.append(String.format(Locale.ROOT, "  %-22s %14s   unhedged %s   (commitment %s)%n", "portfolio impact",
                pct(p.portfolioImpactHedged()), pct(p.portfolioImpactUnhedged()), pct(p.commitment())));
        return b.toString();
    }

    /** {@code tailguard pnl --cycles}: every cycle, then the cumulative view of the closed ones. */
    public static String cycles(List<PnlReport.CycleView> views, CumulativePnl total) {
        return cycles(views, total, List.of());
    }

    /** As above, then the demo cycles apart: they are not in the totals. */
    public static String cycles(List<PnlReport.CycleView> views, CumulativePnl total, List<PnlReport.CycleView> demos) {
        StringBuilder b = new StringBuilder();
        table(b, views);
        b.append(String.format(Locale.ROOT, "%nclosed cycles: %d   net %s   unhedged %s%n", total.cycles(), money(total.net()),
                money(total.unhedged())));
        b.append(String.format(Locale.ROOT, "cumulative return hedged %s, unhedged %s; win ratio %s; worst week hedged %s, "
                + "unhedged %s%n", pct(total.hedgedReturn()), pct(total.unhedgedReturn()), pct(total.winRatio()),
                pct(total.worstWeekHedged()), pct(total.worstWeekUnhedged())));
        b.append(String.format(Locale.ROOT, "max drawdown hedged %s, unhedged %s; premium spent %s, received %s; "
                + "settlements %s; commissions %s%n", pct(total.maxDrawdownHedged()), pct(total.maxDrawdownUnhedged()),
                money(total.premiumPaid()), money(total.premiumReceived()), money(total.settlementCash()),
                money(total.commissions())));
        if (!demos.isEmpty()) {
            b.append(String.format(Locale.ROOT, "%nDEMO cycles (from `tailguard demo`; not in the totals above):%n"));
            table(b, demos);
        }
        return b.toString();
    }

    private static void table(StringBuilder b, List<PnlReport.CycleView> views) {
        b.append(String.format(Locale.ROOT, "%-16s %-10s %-8s %13s %11s %11s %9s %13s %8s %13s %8s%n", "cycle", "expiry", "state",
                "underlying", "puts", "calls", "comm", "net", "net %", "unhedged", "unh %"));
        for (PnlReport.CycleView v : views) {
            HedgeCycle c = v.cycle();
            if (v.pnl().isEmpty()) {
                b.append(String.format(Locale.ROOT, "%-16s %-10s %-8s %s%n", c.id(), c.expiry(), "OPEN", v.basis()));
                continue;
            }
            CyclePnl p = v.pnl().get();
            b.append(String.format(Locale.ROOT, "%-16s %-10s %-8s %13s %11s %11s %9s %13s %8s %13s %8s%n", c.id(), c.expiry(),
                    c.isOpen() ? "MARKED" : "CLOSED", money(p.underlying()), money(p.puts()), money(p.calls()),
                    money(p.commissions()), money(p.net()), pct(p.hedgedReturn()), money(p.unhedged()),
                    pct(p.unhedgedReturn())));
        }
    }

    /** {@code tailguard pnl --cycle ID}: every entry that makes up the cycle's number, then the valuation. */
    public static String entries(PnlReport.CycleView v, List<LedgerEntry> entries) {
        StringBuilder b = new StringBuilder(current(v)).append('\n');
        b.append(String.format(Locale.ROOT, "%5s %-23s %-16s %-11s %-24s %10s %10s %14s  %s%n", "id", "time (New York)", "type", "bucket",
                "instrument", "quantity", "price", "amount", "source / note"));
        BigDecimal cash = BigDecimal.ZERO;
        for (LedgerEntry e : entries) {
            cash = cash.add(e.amount());
            b.append(String.format(Locale.ROOT, "%5d %-23s %-16s %-11s %-24s %10s %10s %14s  %s%s%n", e.id(),
                    TraderTime.format(e.occurredAt()), e.type(), e.bucket(),
                    e.instrument().key(), plain(e.quantity()), plain(e.price()), money(e.amount()), e.sourceRef(),
                    e.note().isEmpty() ? "" : " — " + e.note()));
        }
        b.append(String.format(Locale.ROOT, "%-100s %14s%n", "cash of all entries", money(cash)));
        if (v.valuation().isPresent() && v.pnl().isPresent()) {
            Valuation val = v.valuation().get();
            Map<String, Instrument> instruments = Positions.instruments(entries);
            BigDecimal held = BigDecimal.ZERO;
            for (Map.Entry<String, BigDecimal> open : Positions.open(entries).entrySet()) {
                Instrument i = instruments.get(open.getKey());
                BigDecimal price = i.isOption() ? val.optionPrices().get(i.key()) : val.underlyingPrice();
                BigDecimal value = open.getValue().multiply(price).multiply(BigDecimal.valueOf(i.multiplier()));
                held = held.add(value);
                b.append(String.format(Locale.ROOT, "%-100s %14s%n", "value held: " + plain(open.getValue()) + " " + i.key() + " at "
                        + price(price) + (i.isOption() ? " x " + i.multiplier() : ""), money(value)));
            }
            b.append(String.format(Locale.ROOT, "%-100s %14s%n", "net = cash + value held", money(cash.add(held))));
        }
        return b.toString();
    }

    /** {@code tailguard pnl --tax YEAR}: the 1256 split, the UPRO option flows, UPRO share lots and flags. */
    public static String taxYear(TaxYearView.Result t, LotMethod method) {
        StringBuilder b = new StringBuilder();
        Section1256.Split s = t.section1256();
        b.append(String.format(Locale.ROOT, "Tax view %d (from the ledger; for the trader and the tax preparer)%n",
                t.year()));
        b.append(String.format(Locale.ROOT, "  Section 1256 (XSP): realized %s + year-end mark %s = %s%n",
                money(s.realized()), money(s.yearEndMark()), money(s.total())));
        b.append(String.format(Locale.ROOT, "    60%% long-term %s, 40%% short-term %s%n", money(s.longTerm()),
                money(s.shortTerm())));
        b.append(String.format(Locale.ROOT, "  UPRO options (not 1256, by holding period): cash in the year %s%n",
                money(t.equityOptionsCash())));
        b.append(String.format(Locale.ROOT, "  UPRO shares (%s): %d lot sale(s) in the year%n", method,
                t.shareDisposals().size()));
        for (LotDisposal d : t.shareDisposals()) {
            b.append(String.format(Locale.ROOT, "    %s  %s shares of lot %s (%s): proceeds %s, basis %s, %s %s%s%n",
                    d.sold(), plain(d.shares()), d.lotRef(), d.acquired(), money(d.proceeds()), money(d.basis()),
                    d.longTerm() ? "long-term" : "short-term", money(d.gain()),
                    d.disallowed().signum() == 0 ? "" : " (" + money(d.disallowed()) + " disallowed: wash sale)"));
        }
        for (TaxLot l : t.openLots()) {
            b.append(String.format(Locale.ROOT, "    open lot %s: %s shares, basis %s%s, held since %s%n", l.ref(),
                    plain(l.shares()), money(l.basis()), l.washSaleAdjustment().signum() == 0 ? ""
                            : " (incl. " + money(l.washSaleAdjustment()) + " wash-sale loss)", l.holdingFrom()));
        }
        for (String flag : t.flags()) {
            b.append("  ! ").append(flag).append('\n');
        }
        return b.toString();
    }

    /**
     * The tax view as CSV, one row per figure: the Section 1256 totals and their 60/40 split, the UPRO options'
     * cash, every share-lot sale, every open lot, and the flags a person must look at (kind {@code flag}).
     */
    public static String taxYearCsv(TaxYearView.Result t, LotMethod method) {
        StringBuilder b = new StringBuilder("year,kind,lot,acquired,sold,shares,proceeds,basis,term,amount,"
                + "wash_sale_disallowed,note\n");
        Section1256.Split s = t.section1256();
        String year = Integer.toString(t.year());
        taxRow(b, year, "section1256_realized", "", "", "", "", "", "", "", cents(s.realized()), "", "");
        taxRow(b, year, "section1256_year_end_mark", "", "", "", "", "", "", "", cents(s.yearEndMark()), "", "");
        taxRow(b, year, "section1256_total", "", "", "", "", "", "", "", cents(s.total()), "", "");
        taxRow(b, year, "section1256_long_term_60", "", "", "", "", "", "", "long-term", cents(s.longTerm()), "", "");
        taxRow(b, year, "section1256_short_term_40", "", "", "", "", "", "", "short-term", cents(s.shortTerm()), "", "");
        taxRow(b, year, "upro_options_cash", "", "", "", "", "", "", "", cents(t.equityOptionsCash()), "", "");
        for (LotDisposal d : t.shareDisposals()) {
            taxRow(b, year, "share_sale", d.lotRef(), d.acquired().toString(), d.sold().toString(), plain(d.shares()),
                    cents(d.proceeds()), cents(d.basis()), d.longTerm() ? "long-term" : "short-term", cents(d.gain()),
                    cents(d.disallowed()), method.toString());
        }
        for (TaxLot l : t.openLots()) {
            taxRow(b, year, "open_lot", l.ref(), l.acquired().toString(), "", plain(l.shares()), "", cents(l.basis()), "",
                    "", cents(l.washSaleAdjustment()), "held since " + l.holdingFrom());
        }
        for (String flag : t.flags()) {
            taxRow(b, year, "flag", "", "", "", "", "", "", "", "", "", flag);
        }
        return b.toString();
    }

    private static void taxRow(StringBuilder b, String... fields) {
        for (int i = 0; i < fields.length; i++) {
            b.append(i == 0 ? "" : ",").append(csv(fields[i]));
        }
        b.append('\n');
    }

    private static String cents(BigDecimal amount) {
        return CyclePnl.cents(amount).toPlainString();
    }

    public static String currentCsv(PnlReport.CycleView v) {
        return cyclesCsv(List.of(v));
    }

    public static String cyclesCsv(List<PnlReport.CycleView> views) {
        StringBuilder b = new StringBuilder("cycle,expiry,state,basis,shares_start,price_start,end_price,start_value,"
                + "underlying,puts,calls,commissions,net,unhedged,net_return,unhedged_return,loss_mitigation,"
                + "portfolio_impact,portfolio_impact_unhedged,premium_paid,premium_received,settlements,"
                + "commissions_unknown,demo\n");
        for (PnlReport.CycleView v : views) {
            HedgeCycle c = v.cycle();
            b.append(csv(c.id())).append(',').append(c.expiry()).append(',').append(c.state()).append(',')
                    .append(csv(v.basis())).append(',').append(plain(c.sharesStart())).append(',')
                    .append(plain(c.priceStart()));
            if (v.pnl().isEmpty()) {
                b.append(",".repeat(17)).append(',').append(c.demo()).append('\n');
                continue;
            }
            CyclePnl p = v.pnl().get();
            b.append(',').append(plain(p.endPrice()));
            for (BigDecimal m : List.of(p.startValue(), p.underlying(), p.puts(), p.calls(), p.commissions(), p.net(),
                    p.unhedged())) {
                b.append(',').append(CyclePnl.cents(m).toPlainString());
            }
            for (BigDecimal r : new BigDecimal[] {p.hedgedReturn(), p.unhedgedReturn(), p.lossMitigation(),
                p.portfolioImpactHedged(), p.portfolioImpactUnhedged()}) {
                b.append(',').append(r == null ? "" : r.setScale(6, RoundingMode.HALF_EVEN).toPlainString());
            }
            for (BigDecimal m : List.of(p.premiumPaid(), p.premiumReceived(), p.settlementCash())) {
                b.append(',').append(CyclePnl.cents(m).toPlainString());
            }
            b.append(',').append(p.commissionsUnknown()).append(',').append(c.demo()).append('\n');
        }
        return b.toString();
    }

    public static String entriesCsv(List<LedgerEntry> entries) {
        StringBuilder b = new StringBuilder("id,cycle,occurred_at,type,bucket,instrument,multiplier,quantity,price,"
                + "amount,source_ref,exec_id_base,reverses_id,note\n");
        for (LedgerEntry e : entries) {
            b.append(e.id()).append(',').append(csv(e.cycleId())).append(',').append(e.occurredAt()).append(',')
                    .append(e.type()).append(',').append(e.bucket()).append(',').append(csv(e.instrument().key()))
                    .append(',').append(e.instrument().multiplier()).append(',').append(plain(e.quantity()))
                    .append(',').append(plain(e.price())).append(',').append(e.amount().stripTrailingZeros()
                            .toPlainString()).append(',').append(csv(e.sourceRef())).append(',')
                    .append(csv(e.execIdBase() == null ? "" : e.execIdBase())).append(',')
                    .append(e.reversesId() == null ? "" : e.reversesId()).append(',').append(csv(e.note()))
                    .append('\n');
        }
        return b.toString();
    }

    static String money(BigDecimal amount) {
        return String.format(Locale.ROOT, "%,.2f", CyclePnl.cents(amount));
    }

    static String pct(BigDecimal fraction) {
        return fraction == null ? "" : CyclePnl.percent(fraction, 2).toPlainString() + "%";
    }

    /** A price with at least two decimals: 76.00, 3.125. */
    static String price(BigDecimal n) {
        BigDecimal s = n.stripTrailingZeros();
        return (s.scale() < 2 ? s.setScale(2) : s).toPlainString();
    }

    static String plain(BigDecimal n) {
        return n == null ? "" : n.stripTrailingZeros().scale() < 0 ? n.setScale(0).toPlainString()
                : n.stripTrailingZeros().toPlainString();
    }

    static String csv(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
