-- Demo cycles and the execution anchor of the cycle chart. Works on H2 and PostgreSQL.
-- demo: a cycle copied from `tailguard demo` (id demo-W<expiry>). It is shown by `tailguard pnl` only while
--   there is no real cycle, listed apart by `pnl --cycles`, and kept out of the cumulative totals and the tax view.
-- underlying_at_execution: the underlying's price at the moment index_start was taken, when the cycle's start
--   price is from another moment (the demo's week starts at Friday's close, its hedge executes on Monday).
ALTER TABLE hedge_cycle ADD COLUMN demo BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE hedge_cycle ADD COLUMN underlying_at_execution DECIMAL(18, 6);
