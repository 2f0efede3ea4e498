package io.tailguard.signals;

import io.tailguard.signals.SignalSeries.Fundamental;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Layer 1b, cash-flow durability. A firm passes with free-cash-flow margin ((operating cash flow - capital
 * expenditure) / revenue) above {@code minFcfMargin} and debt / EBITDA (operating income + depreciation and
 * amortization) below {@code maxDebtToEbitda}. Non-positive EBITDA fails the screen. The passing set is what
 * exposure rebalancing may rotate into.
 */
public final class CashFlowDurabilityScreen {
    private CashFlowDurabilityScreen() {
    }

    public record Firm(String ticker, double fcfMargin, double debtToEbitda, boolean positiveEbitda, boolean passes) {
    }

    public record Result(Map<String, Firm> screened, Map<String, String> unscreened) implements LayerResult {
        public Result {
            screened = Map.copyOf(screened);
            unscreened = Map.copyOf(unscreened);
        }

        public List<String> passing() {
            return screened.values().stream().filter(Firm::passes).map(Firm::ticker).sorted().toList();
        }

        @Override
        public LayerDetail detail() {
            Map<String, Double> values = new TreeMap<>();
            screened.values().forEach(f -> {
                values.put(f.ticker() + ".fcfMargin", f.fcfMargin());
                if (f.positiveEbitda()) {
                    values.put(f.ticker() + ".debtToEbitda", f.debtToEbitda());
                }
            });
            List<String> notes = new ArrayList<>();
            notes.add("passing: " + (passing().isEmpty() ? "none" : String.join(", ", passing())));
            new TreeMap<>(unscreened).forEach((t, why) -> notes.add(t + " unscreened: " + why));
            return LayerDetail.of(passing().isEmpty() ? "NONE_PASS" : "PASSING_SET", values, notes);
        }
    }

    public static Outcome<Result> evaluate(PointInTimeData data, SignalLayersConfig.CashFlowDurability config) {
        Map<String, Firm> screened = new TreeMap<>();
        Map<String, String> unscreened = new TreeMap<>();
        for (String ticker : new TreeSet<>(config.universe().stream().map(SignalLayersConfig.Company::ticker).toList())) {
            Outcome<AnnualFundamentals> figures = AnnualFundamentals.read(data, ticker, Fundamental.REVENUE,
                    Fundamental.OPERATING_CASH_FLOW, Fundamental.CAPITAL_EXPENDITURE, Fundamental.DEBT,
                    Fundamental.OPERATING_INCOME, Fundamental.DEPRECIATION_AND_AMORTIZATION);
            if (figures instanceof Outcome.Unknown<AnnualFundamentals> unknown) {
                unscreened.put(ticker, unknown.reason());
                continue;
            }
            AnnualFundamentals f = figures.value();
            double revenue = f.get(Fundamental.REVENUE);
            if (revenue <= 0) {
                unscreened.put(ticker, "non-positive revenue " + revenue + " for fiscal year ending " + f.fiscalYearEnd());
                continue;
            }
            double fcfMargin = (f.get(Fundamental.OPERATING_CASH_FLOW) - f.get(Fundamental.CAPITAL_EXPENDITURE)) / revenue;
            double ebitda = f.get(Fundamental.OPERATING_INCOME) + f.get(Fundamental.DEPRECIATION_AND_AMORTIZATION);
            boolean positiveEbitda = ebitda > 0;
            double debtToEbitda = positiveEbitda ? f.get(Fundamental.DEBT) / ebitda : 0.0;
            boolean passes = positiveEbitda && fcfMargin > config.minFcfMargin() && debtToEbitda < config.maxDebtToEbitda();
            screened.put(ticker, new Firm(ticker, fcfMargin, debtToEbitda, positiveEbitda, passes));
        }
        if (screened.isEmpty() && !unscreened.isEmpty()) {
            return Outcome.unknown("no firm could be screened: " + String.join("; ",
                    unscreened.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList()));
        }
        return Outcome.known(new Result(screened, unscreened));
    }
}
