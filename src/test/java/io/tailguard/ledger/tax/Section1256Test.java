package io.tailguard.ledger.tax;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class Section1256Test {

    @Test
    void splitsTheYearsGainSixtyLongFortyShortWhateverTheHoldingPeriod() {
        // the reference week's puts: +14,190.00 realized in one week, still 60/40
        Section1256.Split split = Section1256.split(new BigDecimal("14190.00"), BigDecimal.ZERO);
        assertThat(split.longTerm()).isEqualByComparingTo("8514.00");
        assertThat(split.shortTerm()).isEqualByComparingTo("5676.00");
    }

    @Test
    void includesTheYearEndMarkOfPutsStillOpen() {
        // -5,010.00 realized over the year, and puts held over New Year marked +1,200.00 above their cost
        Section1256.Split split = Section1256.split(new BigDecimal("-5010.00"), new BigDecimal("1200.00"));
        // total -3,810.00 -> 60% -2,286.00, 40% -1,524.00
        assertThat(split.total()).isEqualByComparingTo("-3810.00");
        assertThat(split.longTerm()).isEqualByComparingTo("-2286.00");
        assertThat(split.shortTerm()).isEqualByComparingTo("-1524.00");
    }

    @Test
    void theTwoPartsAddUpToTheCentWhenSixtyPercentHasAFractionOfACent() {
        // 1,000.01 x 0.6 = 600.006 -> 600.01; the short-term part is the rest, 400.00
        Section1256.Split split = Section1256.split(new BigDecimal("1000.01"), BigDecimal.ZERO);
        assertThat(split.longTerm()).isEqualByComparingTo("600.01");
        assertThat(split.shortTerm()).isEqualByComparingTo("400.00");
        assertThat(split.longTerm().add(split.shortTerm())).isEqualByComparingTo(split.total());
    }

    @Test
    void indexOptionsAreSection1256AndUproSharesAndOptionsAreNot() {
        assertThat(Section1256.isSection1256("XSP", true)).isTrue();
        assertThat(Section1256.isSection1256("UPRO", true)).isFalse();
        assertThat(Section1256.isSection1256("UPRO", false)).isFalse();
    }
}
