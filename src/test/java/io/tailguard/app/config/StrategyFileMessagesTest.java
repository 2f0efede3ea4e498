package io.tailguard.app.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tailguard.app.WeeklyHedgeStrategy;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.tailguard.config.ConfigException;

/** What a trader reads when the shipped strategy file is edited wrongly: the file, the field as written, the rule. */
class StrategyFileMessagesTest {
    @TempDir
    Path dir;

    private Path shippedWith(String from, String to) throws Exception {
        String shipped = Files.readString(WeeklyHedgeStrategy.DEFAULT_FILE);
        String edited = shipped.replaceFirst(from, to);
        if (edited.equals(shipped)) {
            throw new AssertionError("the shipped strategy no longer has " + from);
        }
        Path file = dir.resolve("strategy.yaml");
        Files.writeString(file, edited);
        return file;
    }

    @Test
    void aMisspeltRequiredKeyIsNamedAsWrittenNotAsTheMissingNumber() throws Exception {
        Path file = shippedWith("(?m)^(\\s+)paths:", "$1pathz:");
        assertThatThrownBy(() -> WeeklyHedgeStrategy.load(file)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(file + ": simulation.pathz: unknown key (allowed here:")
                .hasMessageContaining("paths");
    }

    @Test
    void aRuleInsideASectionNamesTheFieldOnce() throws Exception {
        Path file = shippedWith("(?m)^(\\s+)putMoneynessMin: [0-9.]+", "$1putMoneynessMin: 0.2");
        assertThatThrownBy(() -> WeeklyHedgeStrategy.load(file)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(file + ": search.putMoneynessMin/Max: need 0.5 < min < max <= 1.2")
                .message().doesNotContain("search.search");
    }
}
