package io.tailguard.sources.edgar;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The USD facts of the {@code us-gaap} taxonomy of one filer, by concept (tag). */
public record CompanyFacts(long cik, String entityName, Map<String, List<Fact>> usGaapUsd) {

    public CompanyFacts {
        usGaapUsd = Map.copyOf(usGaapUsd);
    }

    /**
     * One reported value: {@code start} is null for an instant (a balance such as debt); {@code filed} is when the
     * filing reached EDGAR, which is when the value became known.
     */
    public record Fact(LocalDate start, LocalDate end, double val, String fp, String form, LocalDate filed) {
        public Fact {
            Objects.requireNonNull(end, "end");
            Objects.requireNonNull(filed, "filed");
        }
    }
}
