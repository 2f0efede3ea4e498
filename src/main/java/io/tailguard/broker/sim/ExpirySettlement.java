package io.tailguard.broker.sim;

import io.tailguard.broker.sim.market.ModelMarket;
import io.tailguard.broker.sim.market.Settlement;
import io.tailguard.domain.Contract;
import io.tailguard.domain.ContractDetails;
import io.tailguard.domain.OptionRight;
import io.tailguard.domain.Position;
import io.tailguard.domain.SecurityType;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Expired option positions of the sim account, settled as OCC does once the market knows the
 * settlement value ({@link ModelMarket#settlement}): index options (XSP, SPX) in cash at their
 * intrinsic value; equity options (UPRO) in shares at the strike when in the money by at least $0.01
 * (auto-exercise of long positions, assignment of short ones), else they expire worthless. As TWS does,
 * the changed positions (0 for a position that is gone) are pushed as POSITION to every client that has
 * subscribed to positions.
 */
final class ExpirySettlement {
    private static final double EXERCISE_THRESHOLD = 0.01;

    private ExpirySettlement() {
    }

    /** Settles every expired option position; returns how many were settled. */
    static int settle(SimGateway gateway) {
        if (!(gateway.market() instanceof ModelMarket model)) {
            return 0;
        }
        SimAccount account = gateway.account();
        int settled = 0;
        for (Position p : account.positions()) {
            Contract option = p.contract();
            if (!option.isOption()) {
                continue;
            }
            Optional<Settlement> s = model.settlement(option.conId());
            if (s.isEmpty()) {
                continue;
            }
            // the account tells subscribed clients of each position change (SimGateway#positionChanged)
            settle(model, account, p, s.get());
            settled++;
        }
        return settled;
    }

    /** Settles one position. */
    private static void settle(ModelMarket model, SimAccount account, Position p, Settlement s) {
        Contract option = p.contract();
        BigDecimal qty = p.quantity();
        Optional<Contract> underlying = model.contract(option.conId()).map(ContractDetails::underlyingConId)
                .flatMap(model::contract).map(ContractDetails::contract);
        boolean physical = underlying.map(u -> u.securityType() == SecurityType.STOCK).orElse(false);
        if (!physical) {
            // cash settlement: the position closes at its intrinsic value
            account.applyFill(option, qty.negate(), s.intrinsicValue(), BigDecimal.ZERO);
            return;
        }
        account.applyFill(option, qty.negate(), 0.0, BigDecimal.ZERO);
        if (s.intrinsicValue() >= EXERCISE_THRESHOLD) {
            // a long call (or a short put) takes delivery; a long put (or a short call) delivers
            int direction = option.right() == OptionRight.CALL ? 1 : -1;
            BigDecimal shares = qty.multiply(BigDecimal.valueOf((long) option.multiplier() * direction));
            account.applyFill(underlying.get(), shares, option.strike().doubleValue(), BigDecimal.ZERO);
        }
    }
}
