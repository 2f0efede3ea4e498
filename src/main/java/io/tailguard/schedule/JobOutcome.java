package io.tailguard.schedule;

/** What happened to one scheduled fire. */
public enum JobOutcome {
    /** The job ran to completion. */
    COMPLETED,
    /** The fire came later than the job's lateness window (a misfire after downtime) and was skipped. */
    SKIPPED_LATE,
    /** The job decided not to run (e.g. the exchange is closed that day). */
    SKIPPED,
    /** The job threw; the daemon keeps running. */
    FAILED
}
