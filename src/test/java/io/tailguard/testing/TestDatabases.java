package io.tailguard.testing;

import io.tailguard.store.Database;
import java.nio.file.Path;
import java.util.UUID;

/** Real H2 databases for tests: in memory, or a file in mixed mode like the daemon's. */
public final class TestDatabases {
    private TestDatabases() {
    }

    public static Database inMemory() {
        return Database.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", 4);
    }

    public static String fileUrl(Path dir) {
        return "jdbc:h2:file:" + dir.toAbsolutePath().resolve("tailguard") + ";AUTO_SERVER=TRUE";
    }

    public static Database file(Path dir) {
        return Database.open(fileUrl(dir), "sa", "", 4);
    }
}
