package io.tailguard.broker.ibkr.error;

import static org.assertj.core.api.Assertions.assertThat;

import io.tailguard.broker.BrokerErrorKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ErrorClassifierTest {

    @ParameterizedTest
    @CsvSource({
        "502, CONNECTIVITY", "504, CONNECTIVITY", "1100, CONNECTIVITY", "1300, CONNECTIVITY", "2110, CONNECTIVITY",
        "326, CONNECTIVITY",
        "100, PACING", "101, PACING", "162, PACING", "420, PACING",
        "354, PERMISSION", "10089, PERMISSION", "10168, PERMISSION", "10090, PERMISSION",
        "200, NOT_FOUND",
        "201, REJECTION", "110, REJECTION", "202, REJECTION",
        "2104, NOTICE", "2106, NOTICE", "2158, NOTICE", "10167, NOTICE", "1102, NOTICE", "2107, NOTICE", "2108, NOTICE"
    })
    void classifiesKnownCodesOnce(int code, ErrorCategory expected) {
        ClassifiedError e = ErrorClassifier.classify(5, code, "text");
        assertThat(e.category()).isEqualTo(expected);
        assertThat(e.known()).isTrue();
    }

    @Test
    void treatsAnUnknownCodeAsARejectionOfItsRequestOrANoticeWithoutOne() {
        assertThat(ErrorClassifier.classify(5, 9999, "x").category()).isEqualTo(ErrorCategory.REJECTION);
        assertThat(ErrorClassifier.classify(-1, 9999, "x").category()).isEqualTo(ErrorCategory.NOTICE);
        assertThat(ErrorClassifier.classify(-1, 9999, "x").known()).isFalse();
    }

    @Test
    void mapsCategoriesToThePortsKindsWithRetryOnlyWhereItHelps() {
        assertThat(ErrorClassifier.classify(5, 354, "x").toException("quote").kind()).isEqualTo(BrokerErrorKind.PERMISSION);
        assertThat(ErrorCategory.PACING.kind().isRetryable()).isTrue();
        assertThat(ErrorCategory.REJECTION.kind().isRetryable()).isFalse();
        assertThat(ErrorCategory.NOTICE.failsRequest()).isFalse();
    }
}
