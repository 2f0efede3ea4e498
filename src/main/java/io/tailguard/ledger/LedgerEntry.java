package io.tailguard.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One booked line of a cycle. {@code quantity} is the signed position change (contracts or shares),
 * {@code amount} the signed cash (+ received, − paid). Entries are never changed once booked: a correction
 * is a reversal plus a new entry. {@code id} is 0 until stored.
 */
public record LedgerEntry(
        long id,
        String cycleId,
        EntryType type,
        PnlBucket bucket,
        String sourceRef,
        String execIdBase,
        Instrument instrument,
        BigDecimal quantity,
        BigDecimal price,
        BigDecimal amount,
        Instant occurredAt,
        Long reversesId,
        String note) {

    public LedgerEntry {
        Objects.requireNonNull(cycleId, "cycleId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(sourceRef, "sourceRef");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(occurredAt, "occurredAt");
        note = note == null ? "" : note;
    }

    public LedgerEntry withId(long newId) {
        return new LedgerEntry(newId, cycleId, type, bucket, sourceRef, execIdBase, instrument, quantity, price, amount,
                occurredAt, reversesId, note);
    }

    /** Does this entry change a position (as opposed to a commission)? */
    public boolean movesPosition() {
        return type != EntryType.COMMISSION;
    }
}
