package io.tailguard.signals;

/** A typed layer result that can render itself as a stored {@link LayerDetail}. */
public interface LayerResult {
    LayerDetail detail();
}
