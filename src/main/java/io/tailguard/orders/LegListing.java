package io.tailguard.orders;

import io.tailguard.broker.BrokerErrorKind;
import io.tailguard.broker.BrokerException;
import io.tailguard.orders.store.ProposalStore;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.tailguard.proposal.Proposal;
import io.tailguard.proposal.ProposalLeg;

/**
 * Whether the broker lists a leg's contract, as the daemon sees it before sending: asking for the contract's
 * market rule qualifies it. A contract the broker does not list (an expiry that passed while the proposal
 * waited, a strike off the grid) never becomes listed, so the proposal fails at once, with the reason on the
 * proposal and on each leg, instead of the same error every poll.
 */
final class LegListing {
    private static final Logger log = LoggerFactory.getLogger(LegListing.class);

    private final MarketView market;
    private final ProposalStore proposals;
    private final Actor daemon;

    LegListing(MarketView market, ProposalStore proposals, Actor daemon) {
        this.market = market;
        this.proposals = proposals;
        this.daemon = daemon;
    }

    /** True when every leg is listed; otherwise the APPROVED proposal is FAILED (nothing was sent) and false. */
    boolean everyLegListed(Proposal p) {
        for (ProposalLeg leg : p.legs()) {
            Optional<String> notListed = notListed(leg);
            if (notListed.isPresent()) {
                Map<String, ProposalStore.LegEnd> ends = new LinkedHashMap<>();
                for (ProposalLeg l : p.legs()) {
                    ends.put(l.legId(), l == leg ? new ProposalStore.LegEnd(OrderEnd.NOT_QUALIFIED, notListed.get())
                            : new ProposalStore.LegEnd(OrderEnd.NOT_SENT, leg.legId() + " cannot be traded"));
                }
                String why = leg.legId() + " " + leg.contract().describe() + " cannot be traded: " + notListed.get()
                        + "; nothing was sent";
                if (proposals.failBeforeSending(p.id(), ends, daemon, why)) {
                    log.warn("proposal {} FAILED: {}", p.id(), why);
                }
                return false;
            }
        }
        return true;
    }

    /** The broker's reason when it lists no such contract; empty when it does. Other broker errors propagate. */
    Optional<String> notListed(ProposalLeg leg) {
        try {
            market.priceRule(leg.contract());
            return Optional.empty();
        } catch (BrokerException e) {
            if (e.kind() == BrokerErrorKind.NOT_FOUND) {
                return Optional.of("the broker lists no such contract (" + e.getMessage() + ")");
            }
            throw e;
        }
    }
}
