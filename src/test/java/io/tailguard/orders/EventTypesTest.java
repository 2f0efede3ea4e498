package io.tailguard.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import io.tailguard.proposal.Proposal;
import io.tailguard.proposal.ProposalState;

/** Event types are enums stored by name: the rows earlier releases wrote read the same. */
class EventTypesTest {
    /** Every proposal event type the releases before the enum wrote, as text. */
    private static final List<String> STORED_PROPOSAL_TYPES = List.of("CREATED", "APPROVED", "REJECTED", "EXPIRED",
            "SUBMITTED", "DONE", "CANCELLED", "FAILED", "REPRICED", "CANCEL_REQUESTED", "LEG_ENDED", "HELD",
            "GATE_DENIED", "DRY_RUN", "AUTO_APPROVAL_DENIED", "ERROR");
    /** Every order event type they wrote. */
    private static final List<String> STORED_ORDER_TYPES = List.of("CREATED", "ADOPTED", "SUBMITTED",
            "PARTIALLY_FILLED", "FILLED", "CANCELLED", "REJECTED", "INACTIVE", "CANCEL_REQUESTED", "CANCEL_RESENT",
            "CANCEL_FAILED", "CANCEL_REFUSED", "RENUMBERED", "REPRICED", "REPRICE_SKIPPED", "REPRICE_FAILED",
            "PLACE_FAILED", "EXEC_CORRECTED", "BROKER_ERROR");

    private final OrdersFixture f = new OrdersFixture();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void theProposalEventsAnEarlierReleaseStoredAreReadWithTheirTypes() throws SQLException {
        Proposal p = f.putProposal(1);
        try (Connection c = f.database.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO proposal_event (proposal_id, occurred_at, actor, host, event_type) VALUES (?, ?, ?, ?, ?)")) {
            for (String type : STORED_PROPOSAL_TYPES) {
                s.setString(1, p.id());
                s.setTimestamp(2, Timestamp.from(f.clock.instant()));
                s.setString(3, "daemon");
                s.setString(4, "old-host");
                s.setString(5, type);
                s.executeUpdate();
            }
        }
        List<String> read = f.eventTypes(p).stream().map(Enum::name).toList();
        assertThat(read.subList(1, read.size())).containsExactlyElementsOf(STORED_PROPOSAL_TYPES);
    }

    @Test
    void theOrderEventsAnEarlierReleaseStoredAreReadWithTheirTypes() throws SQLException {
        try (Connection c = f.database.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO broker_order_event (order_id, occurred_at, actor, event_type) VALUES (?, ?, ?, ?)")) {
            for (String type : STORED_ORDER_TYPES) {
                s.setLong(1, 42);
                s.setTimestamp(2, Timestamp.from(f.clock.instant()));
                s.setString(3, "daemon");
                s.setString(4, type);
                s.executeUpdate();
            }
        }
        assertThat(f.orders.eventTypes(42).stream().map(Enum::name).toList())
                .containsExactlyElementsOf(STORED_ORDER_TYPES);
    }

    @Test
    void aTransitionIsStoredUnderTheNameOfTheStateItReaches() throws SQLException {
        Proposal p = f.approved(f.putProposal(1));
        f.approvals().expire(p, Actor.daemon(), "test");
        List<String> stored = new ArrayList<>();
        try (Connection c = f.database.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT event_type FROM proposal_event WHERE proposal_id = ? ORDER BY id")) {
            s.setString(1, p.id());
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    stored.add(rs.getString(1));
                }
            }
        }
        assertThat(stored).containsExactly("CREATED", "APPROVED", "EXPIRED");
    }

    @Test
    void aTransitionCannotBeRecordedAsANote() {
        Proposal p = f.putProposal(1);
        assertThatThrownBy(() -> f.proposals.note(p.id(), Actor.daemon(), ProposalEventType.APPROVED, "by hand"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> f.orders.note(1, Actor.daemon(), OrderEventType.FILLED, "by hand"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(f.stateOf(p)).isEqualTo(ProposalState.PROPOSED);
        assertThat(f.eventTypes(p)).containsExactly(ProposalEventType.CREATED);
    }
}
