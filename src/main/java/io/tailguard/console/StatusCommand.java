package io.tailguard.console;

import io.tailguard.app.DaemonRunStore;
import io.tailguard.app.StatusReport;
import io.tailguard.app.StatusService;
import io.tailguard.broker.BrokerMode;
import io.tailguard.app.config.ConfigLoader;
import io.tailguard.app.config.TailguardConfig;
import io.tailguard.broker.ibkr.connection.ConnectionState;
import io.tailguard.schedule.SchedulerService;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import io.tailguard.domain.TraderTime;

/** {@code tailguard status}: reads the shared database, so it works beside a running daemon. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show whether the database answers, whether a daemon is running and how its broker connection "
                + "stands, the next job fires and the trading state. Times in New York. Exit 0 when the database "
                + "answers, 1 when it does not (or does not exist yet).",
        footerHeading = "%nExamples:%n", footer = {"  tailguard status",
            "  tailguard --config config/tailguard-tws-paper.yaml status"})
public final class StatusCommand implements Callable<Integer> {
    static final Path DEFAULT_CONFIG = Path.of("config/tailguard.yaml");

    @ParentCommand
    TailguardCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        TailguardConfig config = ConfigLoader.fromSystemEnvironment().load(root.configFile());
        StatusReport report = new StatusService(Clock.systemUTC()).report(config.database());
        print(report, startCommand(root.configFile()), spec.commandLine().getOut());
        return report.databaseReachable() ? TailguardCommand.OK : TailguardCommand.RUNTIME_FAILURE;
    }

    /** The command that starts the daemon on this configuration (and so creates its database). */
    static String startCommand(Path configFile) {
        return configFile.normalize().equals(DEFAULT_CONFIG) ? "./run.sh" : "./run.sh --config " + configFile;
    }

    static void print(StatusReport r, String startCommand, PrintWriter out) {
        if (r.database() == StatusReport.DatabaseCondition.MISSING) {
            out.printf("database   none yet at %s: `%s` creates it when the daemon first starts%n", r.problem(),
                    startCommand);
            return;
        }
        out.printf("database   %s%n", r.databaseUrl());
        switch (r.database()) {
            case UNREACHABLE, UNREADABLE -> {
                out.printf("           NOT REACHABLE: %s%n", r.problem());
                return;
            }
            case NOT_INITIALIZED -> {
                out.printf("           reachable, not initialized (%d migrations pending; `%s` applies them)%n",
                        r.pendingMigrations(), startCommand);
                return;
            }
            default -> out.printf("           reachable, schema version %s, %d migrations pending%n",
                    r.schemaVersion(), r.pendingMigrations());
        }
        printDaemons(r, out);
        out.printf("trading    %s since %s by %s%s%n", r.tradingState().state(),
                TraderTime.format(r.tradingState().changedAt()), r.tradingState().changedBy(),
                r.tradingState().reason() == null ? "" : " (" + r.tradingState().reason() + ")");
        if (r.triggers().isEmpty()) {
            out.printf("jobs       none scheduled%n");
        }
        for (SchedulerService.TriggerInfo t : r.triggers()) {
            out.printf("job        %-22s next %-23s last %-23s %s%n", t.job(), TraderTime.format(t.nextFire()),
                    TraderTime.format(t.previousFire()), t.state().toLowerCase());
        }
        out.printf("heartbeat  %s%n", r.lastHeartbeat() == null ? "none yet" : TraderTime.format(r.lastHeartbeat()));
    }

    private static void printDaemons(StatusReport r, PrintWriter out) {
        for (StatusReport.DaemonStatus d : r.runningDaemons()) {
            long ago = Math.max(0, Duration.between(d.lastCheckin(), r.checkedAt()).toSeconds());
            out.printf("daemon     running: %s (%slast check-in %d s ago)%n", d.instanceId(), d.run() == null ? ""
                    : "pid " + d.run().pid() + " on " + d.run().host() + ", since "
                            + TraderTime.format(d.run().startedAt()) + ", ", ago);
            printBroker(d.broker(), out);
        }
        if (r.daemonRunning()) {
            return;
        }
        DaemonRunStore.Run last = r.lastRun();
        if (last == null) {
            out.printf("daemon     not running (none has checked in recently)%n");
        } else if (last.stoppedCleanly()) {
            out.printf("daemon     not running: the last one (%s) stopped cleanly at %s%n", last.instanceId(),
                    TraderTime.format(last.stoppedAt()));
        } else {
            out.printf("daemon     not running: the last one (%s, pid %d on %s) started at %s and ended without a "
                    + "clean stop%n", last.instanceId(), last.pid(), last.host(), TraderTime.format(last.startedAt()));
        }
        out.printf("broker     unknown: no daemon running (the daemon holds the broker connection)%n");
    }

    /** Connected or not, since when, when it was last up, and the last error: the daemon writes it on every change. */
    private static void printBroker(DaemonRunStore.BrokerLink b, PrintWriter out) {
        if (b == null) {
            out.printf("broker     unknown: this daemon does not record its broker connection%n");
            return;
        }
        String where = (b.mode() == BrokerMode.SIM ? "the simulated gateway" : "TWS") + " at " + b.host() + ":"
                + b.port() + " (mode " + b.mode().name().toLowerCase() + ", client " + b.clientId()
                + (b.account() == null ? "" : ", account " + b.account()) + ")";
        if (b.isUp()) {
            out.printf("broker     connected%s: %s since %s%n", b.state() == ConnectionState.LINK_LOST
                    ? " (but TWS reports its own link to IB lost, 1100)" : "", where, TraderTime.format(b.since()));
            return;
        }
        String status = b.state() == ConnectionState.CLOSED ? "CLOSED (the daemon is stopping)" : "DISCONNECTED";
        String lastUp = b.connectedAt() == null ? "never connected"
                : "last up " + TraderTime.format(b.connectedAt()) + " until " + TraderTime.format(b.lostAt());
        String retrying = b.state() == ConnectionState.CLOSED ? ""
                : "; retrying" + (b.failedAttempts() == 0 ? "" : ", " + b.failedAttempts() + " attempts failed");
        out.printf("broker     %s: %s since %s; %s%s%n", status, where, TraderTime.format(b.since()), lastUp, retrying);
        if (b.lastError() != null) {
            out.printf("           last error %s: %s%n", TraderTime.format(b.lastErrorAt()), b.lastError());
        }
    }
}
