-- One row per daemon start. Quartz leaves a scheduler's row in QRTZ_SCHEDULER_STATE after a clean
-- shutdown, with a check-in that still looks fresh for three check-in intervals; `status` reads
-- stopped_at here to tell a clean stop at once. A daemon that crashed leaves stopped_at null: then the
-- stale check-in (or, on the same host, the missing process) says it is gone.
CREATE TABLE daemon_run (
    instance_id  VARCHAR(200) PRIMARY KEY,    -- the Quartz scheduler instance id
    host         VARCHAR(200) NOT NULL,
    pid          BIGINT       NOT NULL,
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    stopped_at   TIMESTAMP WITH TIME ZONE     -- set by a clean stop, after running jobs have finished
);
CREATE INDEX daemon_run_started ON daemon_run (started_at);
