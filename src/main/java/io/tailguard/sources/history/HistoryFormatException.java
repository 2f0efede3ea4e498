package io.tailguard.sources.history;

import io.tailguard.sources.SourceException;

/** A market-history file that cannot be used as it is; the message names the file and the line. */
public final class HistoryFormatException extends SourceException {
    HistoryFormatException(String message) {
        super(message, false);
    }

    HistoryFormatException(String message, Throwable cause) {
        super(message, false, cause);
    }
}
