package io.tailguard.sources.csv;

import io.tailguard.signals.Observation;
import io.tailguard.signals.SignalSeries;
import io.tailguard.signals.SignalSeries.Fundamental;
import io.tailguard.sources.SourceException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Annual figures in a CSV file instead of EDGAR ({@code config/inputs-example/fundamentals.csv}, read on the
 * embedded default): {@code ticker,fiscal_year_end,filed} and one column per {@link Fundamental} key
 * ({@code revenue,operating_cash_flow,capex,rnd,debt,operating_income,depreciation_amortization}), amounts in USD, a
 * blank cell for a figure not given. As with EDGAR, a figure is observed on the fiscal year end and available from
 * the filing date. A bad line rejects the file, with the line in the message.
 */
public final class SampleFundamentals {
    private SampleFundamentals() {
    }

    public static List<Observation> read(Path file) {
        Map<Fundamental, String> columns = new LinkedHashMap<>();
        for (Fundamental f : Fundamental.values()) {
            columns.put(f, f.key());
        }
        List<String> required = new ArrayList<>(List.of("ticker", "fiscal_year_end", "filed"));
        required.addAll(columns.values());
        CsvTable table = CsvTable.read(file, required.toArray(String[]::new));
        List<Observation> out = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            String ticker = row.text("ticker").toUpperCase(Locale.ROOT);
            if (ticker.isEmpty()) {
                throw table.error(row.line(), "ticker is empty");
            }
            LocalDate yearEnd = row.date("fiscal_year_end");
            LocalDate filed = row.date("filed");
            if (filed.isBefore(yearEnd)) {
                throw table.error(row.line(), "filed " + filed + " is before fiscal_year_end " + yearEnd);
            }
            columns.forEach((figure, column) -> {
                if (!row.text(column).isEmpty()) {
                    out.add(new Observation(SignalSeries.fundamental(ticker, figure), yearEnd, filed, row.number(column)));
                }
            });
        }
        if (out.isEmpty()) {
            throw new SourceException("CSV " + file.getFileName() + ": no figures", false);
        }
        return out;
    }
}
