package io.tailguard.store.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class V2__QuartzJobStoreTest {
    @Test
    void choosesTheScriptShippedForTheDatabaseInUse() {
        assertThat(V2__QuartzJobStore.scriptFor("H2")).isEqualTo("org/quartz/impl/jdbcjobstore/tables_h2.sql");
        assertThat(V2__QuartzJobStore.scriptFor("PostgreSQL")).isEqualTo("org/quartz/impl/jdbcjobstore/tables_postgres.sql");
        assertThatThrownBy(() -> V2__QuartzJobStore.scriptFor("MySQL")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("supports H2 and PostgreSQL");
    }

    @Test
    void splitsScriptsIntoStatementsWithoutCommentsDropsOrCommits() {
        String script = """
                -- a comment; with a semicolon
                DROP TABLE qrtz_locks;
                CREATE TABLE a (x INT);
                # another comment
                CREATE INDEX i ON a (x);
                commit;
                """;
        assertThat(V2__QuartzJobStore.statements(script))
                .containsExactly("CREATE TABLE a (x INT)", "CREATE INDEX i ON a (x)");
    }
}
