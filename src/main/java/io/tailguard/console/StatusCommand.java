package io.tailguard.console;

import io.tailguard.app.StatusReport;
import io.tailguard.app.StatusService;
import io.tailguard.app.config.ConfigLoader;
import io.tailguard.app.config.TailguardConfig;
import io.tailguard.schedule.SchedulerService;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code tailguard status}: reads the shared database, so it works beside a running daemon. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show whether the database answers, whether a daemon is running, the next job fires and "
                + "the trading state. Exit 0 when the database answers, 1 when it does not.",
        footerHeading = "%nExamples:%n", footer = {"  tailguard status"})
public final class StatusCommand implements Callable<Integer> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z");

    @ParentCommand
    TailguardCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        TailguardConfig config = ConfigLoader.fromSystemEnvironment().load(root.configFile());
        StatusReport report = new StatusService(Clock.systemUTC()).report(config.database());
        print(report, config.schedule().timeZone(), spec.commandLine().getOut());
        return report.databaseReachable() ? TailguardCommand.OK : TailguardCommand.RUNTIME_FAILURE;
    }

    static void print(StatusReport r, ZoneId zone, PrintWriter out) {
        out.printf("database   %s%n", r.databaseUrl());
        if (!r.databaseReachable()) {
            out.printf("           NOT REACHABLE: %s%n", r.problem());
            return;
        }
        if (r.schemaVersion() == null) {
            out.printf("           reachable, not initialized (%d migrations pending; `tailguard run` applies them)%n",
                    r.pendingMigrations());
            return;
        }
        out.printf("           reachable, schema version %s, %d migrations pending%n", r.schemaVersion(),
                r.pendingMigrations());
        if (r.daemonRunning()) {
            for (SchedulerService.InstanceInfo i : r.liveDaemons()) {
                out.printf("daemon     running: %s (last check-in %d s ago)%n", i.instanceId(),
                        Math.max(0, Duration.between(i.lastCheckin(), r.checkedAt()).toSeconds()));
            }
        } else {
            out.printf("daemon     not running (no scheduler has checked in recently)%n");
        }
        out.printf("trading    %s since %s by %s%s%n", r.tradingState().state(), format(r.tradingState().changedAt(), zone),
                r.tradingState().changedBy(), r.tradingState().reason() == null ? "" : " (" + r.tradingState().reason() + ")");
        if (r.triggers().isEmpty()) {
            out.printf("jobs       none scheduled%n");
        }
        for (SchedulerService.TriggerInfo t : r.triggers()) {
            out.printf("job        %-22s next %-26s last %-26s %s%n", t.job(), format(t.nextFire(), zone),
                    format(t.previousFire(), zone), t.state().toLowerCase());
        }
        out.printf("heartbeat  %s%n", r.lastHeartbeat() == null ? "none yet" : format(r.lastHeartbeat(), zone));
    }

    private static String format(Instant t, ZoneId zone) {
        return t == null ? "-" : TIME.format(t.atZone(zone));
    }
}
