package io.tailguard.broker;

import io.tailguard.domain.Position;

/**
 * Receives a position stream ({@link Broker#streamPositions}): the full list, its end, then one
 * {@link #onPosition} per change. Called on the adapter's reader thread: keep it quick, never throw.
 */
public interface PositionListener {
    /** A position as it stands now, from the full list or an update; quantity 0 means it was closed. */
    void onPosition(Position position);

    /** The full list has arrived: the positions seen since the last {@link #onInterrupted} are all there are. */
    void onComplete();

    /**
     * The stream was interrupted (connection lost, or re-subscribed after a reconnect): what was seen may be
     * out of date until the next {@link #onComplete}, which follows a fresh full list.
     */
    void onInterrupted();
}
