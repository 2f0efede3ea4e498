package io.tailguard.store;

import io.tailguard.config.Require;

/**
 * The database. The default is an H2 file under {@code data/} opened in automatic mixed mode
 * ({@code AUTO_SERVER=TRUE}) so the daemon and a console process can use it at the same time;
 * a {@code jdbc:postgresql:} URL works through the same code.
 */
public record DatabaseConfig(String url, String username, String password, Integer poolSize) {

    public DatabaseConfig {
        url = Require.text(url, "url");
        if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("url: must be a jdbc:h2: or jdbc:postgresql: URL, was " + url);
        }
        username = Require.orDefault(username, "sa");
        password = Require.orDefault(password, "");
        poolSize = Require.range(Require.orDefault(poolSize, 5), 2, 64, "poolSize");
    }

    public boolean isH2() {
        return url.startsWith("jdbc:h2:");
    }

    public DatabaseConfig withUrl(String newUrl) {
        return new DatabaseConfig(newUrl, username, password, poolSize);
    }

    /** The URL without credentials-like parameters, for messages. */
    @Override
    public String toString() {
        return "DatabaseConfig[url=" + url + ", username=" + username + ", poolSize=" + poolSize + "]";
    }
}
