package io.tailguard.ledger.tax;

import io.tailguard.domain.OrderSide;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Tax lots of one stock (UPRO) from its trades in date order: sales close lots by the configured method;
 * a loss sale with replacement shares bought within 30 days before or after it is a wash sale, whose
 * disallowed loss is carried into the replacement lot's basis (with the sold lot's holding period).
 * Pure; amounts are exact.
 */
public final class TaxLotBook {
    static final int WASH_WINDOW_DAYS = 30;

    /** The book after all trades. */
    public record Result(List<TaxLot> openLots, List<LotDisposal> disposals, List<WashSale> washSales) {
    }

    private final LotMethod method;

    public TaxLotBook(LotMethod method) {
        this.method = Objects.requireNonNull(method, "method");
    }

    private static final class Lot {
        final String ref;
        final LocalDate acquired;
        LocalDate holdingFrom;
        BigDecimal shares;
        BigDecimal basis;
        BigDecimal adjustment = BigDecimal.ZERO;
        /** Shares of this lot already used as the replacement of a wash sale (each share replaces once). */
        BigDecimal usedAsReplacement = BigDecimal.ZERO;

        Lot(String ref, LocalDate acquired, BigDecimal shares, BigDecimal basis) {
            this.ref = ref;
            this.acquired = acquired;
            this.holdingFrom = acquired;
            this.shares = shares;
            this.basis = basis;
        }
    }

    /** A loss still looking for replacement shares bought after the sale. */
    private record PendingLoss(String saleRef, LocalDate sold, LocalDate holdingFrom, BigDecimal shares,
            BigDecimal lossPerShare) {
    }

    public Result apply(List<ShareTrade> trades) {
        List<ShareTrade> ordered = trades.stream().sorted(Comparator.comparing(ShareTrade::date)).toList();
        List<Lot> lots = new ArrayList<>();
        List<LotDisposal> disposals = new ArrayList<>();
        List<WashSale> washes = new ArrayList<>();
        List<PendingLoss> pending = new ArrayList<>();
        for (ShareTrade t : ordered) {
            if (t.side() == OrderSide.BUY) {
                Lot lot = new Lot(t.ref(), t.date(), t.shares(), t.shares().multiply(t.price()).add(t.cost()));
                lots.add(lot);
                replaceLaterPurchase(lot, pending, washes, disposals);
            } else {
                sell(t, lots, disposals, washes, pending);
            }
        }
        List<TaxLot> open = lots.stream().filter(l -> l.shares.signum() > 0)
                .map(l -> new TaxLot(l.ref, l.acquired, l.holdingFrom, l.shares, l.basis, l.adjustment)).toList();
        return new Result(open, disposals, washes);
    }

    private void sell(ShareTrade t, List<Lot> lots, List<LotDisposal> disposals, List<WashSale> washes,
            List<PendingLoss> pending) {
        BigDecimal left = t.shares();
        BigDecimal proceedsPerShare = t.shares().multiply(t.price()).subtract(t.cost())
                .divide(t.shares(), 10, RoundingMode.HALF_EVEN);
        for (Lot lot : ordered(lots)) {
            if (left.signum() == 0) {
                break;
            }
            if (lot.shares.signum() == 0) {
                continue;
            }
            BigDecimal n = left.min(lot.shares);
            BigDecimal basis = lot.basis.multiply(n).divide(lot.shares, 10, RoundingMode.HALF_EVEN);
            BigDecimal proceeds = t.shares().compareTo(n) == 0
                    ? t.shares().multiply(t.price()).subtract(t.cost()) : proceedsPerShare.multiply(n);
            BigDecimal gain = proceeds.subtract(basis);
            lot.shares = lot.shares.subtract(n);
            lot.basis = lot.basis.subtract(basis);
            left = left.subtract(n);
            boolean longTerm = ChronoUnit.DAYS.between(lot.holdingFrom, t.date()) > 365;
            BigDecimal disallowed = BigDecimal.ZERO;
            if (gain.signum() < 0) {
                BigDecimal perShare = gain.negate().divide(n, 10, RoundingMode.HALF_EVEN);
                BigDecimal unmatched = n;
                // replacement bought in the 30 days before the sale and still held (not the lot being sold)
                for (Lot r : lots) {
                    if (unmatched.signum() == 0) {
                        break;
                    }
                    long daysBefore = ChronoUnit.DAYS.between(r.acquired, t.date());
                    BigDecimal free = r.shares.subtract(r.usedAsReplacement);
                    if (r != lot && daysBefore >= 0 && daysBefore <= WASH_WINDOW_DAYS && free.signum() > 0) {
                        BigDecimal m = unmatched.min(free);
                        BigDecimal loss = perShare.multiply(m);
                        carry(r, m, loss, lot.holdingFrom);
                        washes.add(new WashSale(t.ref(), r.ref, m, loss));
                        disallowed = disallowed.add(loss);
                        unmatched = unmatched.subtract(m);
                    }
                }
                if (unmatched.signum() > 0) {
                    pending.add(new PendingLoss(t.ref(), t.date(), lot.holdingFrom, unmatched, perShare));
                }
            }
            disposals.add(new LotDisposal(t.ref(), lot.ref, lot.acquired, t.date(), n, proceeds, basis, gain, longTerm,
                    disallowed));
        }
        if (left.signum() > 0) {
            throw new IllegalArgumentException(t.ref() + ": sells " + t.shares() + " shares, " + left
                    + " more than held (short sales are not tax lots)");
        }
    }

    private static void replaceLaterPurchase(Lot lot, List<PendingLoss> pending, List<WashSale> washes,
            List<LotDisposal> disposals) {
        for (int i = 0; i < pending.size(); i++) {
            PendingLoss p = pending.get(i);
            long daysAfter = ChronoUnit.DAYS.between(p.sold(), lot.acquired);
            BigDecimal free = lot.shares.subtract(lot.usedAsReplacement);
            if (daysAfter < 0 || daysAfter > WASH_WINDOW_DAYS || free.signum() == 0) {
                continue;
            }
            BigDecimal m = p.shares().min(free);
            BigDecimal loss = p.lossPerShare().multiply(m);
            carry(lot, m, loss, p.holdingFrom());
            washes.add(new WashSale(p.saleRef(), lot.ref, m, loss));
            addDisallowed(disposals, p.saleRef(), loss);
            pending.set(i, new PendingLoss(p.saleRef(), p.sold(), p.holdingFrom(), p.shares().subtract(m),
                    p.lossPerShare()));
        }
        pending.removeIf(p -> p.shares().signum() == 0);
    }

    private static void carry(Lot r, BigDecimal shares, BigDecimal loss, LocalDate soldHoldingFrom) {
        r.basis = r.basis.add(loss);
        r.adjustment = r.adjustment.add(loss);
        r.usedAsReplacement = r.usedAsReplacement.add(shares);
        // the replacement's holding period includes the sold shares' (IRC 1223(3)); kept per lot, not per share
        if (soldHoldingFrom.isBefore(r.holdingFrom)) {
            r.holdingFrom = soldHoldingFrom;
        }
    }

    /** Adds a later-found disallowed loss to the sale's last loss disposal. */
    private static void addDisallowed(List<LotDisposal> disposals, String saleRef, BigDecimal loss) {
        for (int i = disposals.size() - 1; i >= 0; i--) {
            LotDisposal d = disposals.get(i);
            if (d.saleRef().equals(saleRef) && d.gain().signum() < 0) {
                disposals.set(i, new LotDisposal(d.saleRef(), d.lotRef(), d.acquired(), d.sold(), d.shares(),
                        d.proceeds(), d.basis(), d.gain(), d.longTerm(), d.disallowed().add(loss)));
                return;
            }
        }
    }

    private List<Lot> ordered(List<Lot> lots) {
        List<Lot> copy = new ArrayList<>(lots);
        switch (method) {
            case FIFO -> copy.sort(Comparator.comparing((Lot l) -> l.acquired));
            case LIFO -> copy.sort(Comparator.comparing((Lot l) -> l.acquired).reversed());
            case HIGHEST_COST -> copy.sort(Comparator.comparing((Lot l) -> l.shares.signum() == 0 ? BigDecimal.ZERO
                    : l.basis.divide(l.shares, 10, RoundingMode.HALF_EVEN)).reversed());
        }
        return copy;
    }
}
