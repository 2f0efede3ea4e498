package io.tailguard.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ProposalIdsTest {
    @Test
    void anIdCarriesTheNewYorkDateNotUtcs() {
        // 01:43 UTC on Dec 4 is 20:43 on Dec 3 in New York: the trader's (and the exchange's) day
        Clock evening = Clock.fixed(Instant.parse("2026-12-04T01:43:40Z"), ZoneOffset.UTC);
        assertThat(ProposalIds.next("P", evening)).matches("P-20261203-204340-[0-9a-f]{3}");
        Clock morning = Clock.fixed(Instant.parse("2026-12-04T15:00:00Z"), ZoneOffset.UTC);
        assertThat(ProposalIds.next("H", morning)).startsWith("H-20261204-100000-");
    }

    @Test
    void theLegSuffixIsStillTheLastDashL() {
        String id = ProposalIds.next("P", Clock.systemUTC());
        String leg = id + "-L1";
        assertThat(leg.substring(0, leg.lastIndexOf("-L"))).isEqualTo(id);
    }

    @Test
    void aPrefixIsCapitalLetters() {
        assertThatThrownBy(() -> ProposalIds.next("p1", Clock.systemUTC())).isInstanceOf(IllegalArgumentException.class);
    }
}
