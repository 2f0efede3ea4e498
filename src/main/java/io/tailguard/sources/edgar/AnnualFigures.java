package io.tailguard.sources.edgar;

import io.tailguard.signals.Observation;
import io.tailguard.signals.SignalSeries;
import io.tailguard.signals.SignalSeries.Fundamental;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Annual figures from 10-K facts as point-in-time observations: observed on the fiscal year end, available on the
 * {@code filed} date (so a restatement in a later 10-K is a new revision, not a rewrite of history). Flows must span
 * a year (330 to 400 days; 10-K filings also carry quarterly values). Companies change concepts over time, so each
 * figure has an ordered list of us-gaap tags; for each (year end, filed) the first tag that reports it wins.
 */
public final class AnnualFigures {
    private static final Map<Fundamental, List<String>> TAGS = new LinkedHashMap<>();

    static {
        TAGS.put(Fundamental.REVENUE, List.of("Revenues", "RevenueFromContractWithCustomerExcludingAssessedTax",
                "SalesRevenueNet"));
        TAGS.put(Fundamental.OPERATING_CASH_FLOW, List.of("NetCashProvidedByUsedInOperatingActivities"));
        TAGS.put(Fundamental.CAPITAL_EXPENDITURE, List.of("PaymentsToAcquirePropertyPlantAndEquipment"));
        TAGS.put(Fundamental.RESEARCH_AND_DEVELOPMENT, List.of("ResearchAndDevelopmentExpense",
                "ResearchAndDevelopmentExpenseExcludingAcquiredInProcessCost"));
        TAGS.put(Fundamental.DEBT, List.of("LongTermDebt", "LongTermDebtNoncurrent"));
        TAGS.put(Fundamental.OPERATING_INCOME, List.of("OperatingIncomeLoss"));
        TAGS.put(Fundamental.DEPRECIATION_AND_AMORTIZATION, List.of("DepreciationDepletionAndAmortization",
                "DepreciationAndAmortization", "DepreciationAmortizationAndAccretionNet"));
    }

    private AnnualFigures() {
    }

    /** The us-gaap tags tried for a figure, in order. */
    public static List<String> tags(Fundamental figure) {
        return TAGS.get(figure);
    }

    public static List<Observation> of(String ticker, CompanyFacts facts) {
        List<Observation> out = new ArrayList<>();
        TAGS.forEach((figure, tags) -> {
            Map<String, Observation> byYearAndFiling = new LinkedHashMap<>();
            for (String tag : tags) {
                for (CompanyFacts.Fact fact : facts.usGaapUsd().getOrDefault(tag, List.of())) {
                    if (!isAnnual(fact, figure == Fundamental.DEBT)) {
                        continue;
                    }
                    byYearAndFiling.putIfAbsent(fact.end() + "/" + fact.filed(), new Observation(
                            SignalSeries.fundamental(ticker, figure), fact.end(), laterOf(fact.end(), fact.filed()),
                            fact.val()));
                }
            }
            out.addAll(byYearAndFiling.values());
        });
        return out;
    }

    private static boolean isAnnual(CompanyFacts.Fact fact, boolean instant) {
        if (!fact.form().startsWith("10-K") || !"FY".equals(fact.fp())) {
            return false;
        }
        if (instant) {
            return fact.start() == null;
        }
        if (fact.start() == null) {
            return false;
        }
        long days = ChronoUnit.DAYS.between(fact.start(), fact.end());
        return days >= 330 && days <= 400;
    }

    private static LocalDate laterOf(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
