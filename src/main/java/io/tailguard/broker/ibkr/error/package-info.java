/**
 * IB's ERR_MSG codes classified once into connectivity, pacing, permission, not-found, rejection and
 * notice. Entry point: {@link io.tailguard.broker.ibkr.error.ErrorClassifier#classify}.
 */
package io.tailguard.broker.ibkr.error;
