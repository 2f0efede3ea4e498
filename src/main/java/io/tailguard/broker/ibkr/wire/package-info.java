/**
 * The TWS API wire format at server version 193, shared by our client and by the simulated gateway:
 * length-prefixed frames ({@link io.tailguard.broker.ibkr.wire.FrameCodec}) of NUL-terminated text fields
 * ({@link io.tailguard.broker.ibkr.wire.FieldWriter}, {@link io.tailguard.broker.ibkr.wire.FieldReader}).
 */
package io.tailguard.broker.ibkr.wire;
