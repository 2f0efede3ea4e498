package io.tailguard.orders;

import java.util.Objects;

/** Who did something: an OS user at a host, the daemon, or the daemon's auto-approval policy. */
public record Actor(String name, String host) {
    public static final String DAEMON = io.tailguard.proposal.Proposal.BY_DAEMON;
    public static final String AUTO_APPROVAL = "auto-approval";

    public Actor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(host, "host");
    }

    public static Actor currentUser() {
        return new Actor(System.getProperty("user.name", "unknown"), io.tailguard.store.AuditLog.localHostName());
    }

    public static Actor daemon() {
        return new Actor(DAEMON, io.tailguard.store.AuditLog.localHostName());
    }

    public static Actor autoApproval() {
        return new Actor(AUTO_APPROVAL, io.tailguard.store.AuditLog.localHostName());
    }
}
