-- Issue 12: where each snapshot input came from, so a snapshot never passes simulated or sample data off as live:
-- LIVE (the configured source), SIMULATED (the simulated gateway) or SAMPLE (data shipped with tailguard; sample_end
-- is the last date the sample describes). Rows stored before this migration did not record it: UNRECORDED, never
-- shown as live (the embedded default then fed the layers simulated bars under the live series names).
ALTER TABLE signal_snapshot_input ADD COLUMN origin VARCHAR(16) DEFAULT 'UNRECORDED' NOT NULL;
ALTER TABLE signal_snapshot_input ADD COLUMN origin_source VARCHAR(400) DEFAULT 'origin not recorded' NOT NULL;
ALTER TABLE signal_snapshot_input ADD COLUMN sample_end DATE;

-- The inputs a snapshot could not use (no value, stale, a source unreachable), and why.
CREATE TABLE signal_snapshot_missing (
    snapshot_id BIGINT        NOT NULL REFERENCES signal_snapshot (id),
    series      VARCHAR(128)  NOT NULL,
    problem     VARCHAR(4000) NOT NULL,
    CONSTRAINT pk_signal_snapshot_missing PRIMARY KEY (snapshot_id, series)
);
