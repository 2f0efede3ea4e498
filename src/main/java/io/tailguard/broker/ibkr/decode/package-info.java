/**
 * Decoders of the TWS-to-client messages at server version 193 into {@link io.tailguard.broker.ibkr.decode.TwsEvent}
 * values. Entry point: {@link io.tailguard.broker.ibkr.decode.MessageDecoder#decode}.
 */
package io.tailguard.broker.ibkr.decode;
