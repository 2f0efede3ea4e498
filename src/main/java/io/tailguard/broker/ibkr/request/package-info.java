/**
 * Encoders of the client-to-TWS messages at server version 193. Entry point:
 * {@link io.tailguard.broker.ibkr.request.RequestEncoder}; contracts are spelt as
 * {@link io.tailguard.broker.ibkr.request.ContractSpec}.
 */
package io.tailguard.broker.ibkr.request;
