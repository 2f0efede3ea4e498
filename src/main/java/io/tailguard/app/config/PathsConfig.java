package io.tailguard.app.config;

import java.nio.file.Path;
import io.tailguard.config.Require;

/** Where data (database, charts, inputs) and reports go. Relative paths resolve against the working directory. */
public record PathsConfig(Path dataDir, Path reportsDir) {
    public PathsConfig {
        dataDir = Require.orDefault(dataDir, Path.of("data"));
        reportsDir = Require.orDefault(reportsDir, dataDir.resolve("reports"));
    }
}
