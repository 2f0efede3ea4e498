package io.tailguard.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.tailguard.app.config.ConfigLoader;
import io.tailguard.app.config.TailguardConfig;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The configurations the project ships: the TWS paper example must run the same jobs as the embedded default. */
class ShippedConfigurationsTest {
    private final ConfigLoader loader = new ConfigLoader(Map.of());

    @Test
    void theTwsPaperExampleSchedulesEveryJobTheEmbeddedDefaultSchedules() {
        TailguardConfig embedded = loader.load(Path.of("config/tailguard.yaml"));
        TailguardConfig paper = loader.load(Path.of("config/tailguard-tws-paper.yaml"));

        // without expiry-booking no hedge cycle ever closes against a real account
        assertThat(paper.schedule().jobs().keySet()).containsAll(embedded.schedule().jobs().keySet())
                .contains("expiry-booking");
        JobCatalog.requireKnown(Path.of("config/tailguard-tws-paper.yaml"), paper);
    }
}
