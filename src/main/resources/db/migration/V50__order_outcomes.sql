-- Orders (versions 50-54): why each order ended, the trader's cancel of an approved or working proposal,
-- and legs that ended without an order. Works on H2 and PostgreSQL.

-- A cancel requested by `tailguard cancel ID`: who (OS user, host), when and why. The daemon's order loop
-- reads it and cancels the proposal's working orders; a leg not yet sent is never sent.
ALTER TABLE proposal ADD COLUMN cancel_requested_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE proposal ADD COLUMN cancel_requested_by VARCHAR(200);
ALTER TABLE proposal ADD COLUMN cancel_requested_host VARCHAR(200);
ALTER TABLE proposal ADD COLUMN cancel_reason VARCHAR(1000);

-- A leg that ended without an order (the contract is not listed, the proposal was cancelled before the
-- leg was sent): why, as an OrderEnd name and a detail.
ALTER TABLE proposal_leg ADD COLUMN end_reason VARCHAR(32);
ALTER TABLE proposal_leg ADD COLUMN end_detail VARCHAR(1000);

-- Why tailguard asked the broker to cancel (written before CANCEL_ORDER is sent, so a crash before the
-- broker's confirmation loses nothing), when the cancel was last sent, and why the order ended.
ALTER TABLE broker_order ADD COLUMN cancel_reason VARCHAR(32);
ALTER TABLE broker_order ADD COLUMN cancel_detail VARCHAR(1000);
ALTER TABLE broker_order ADD COLUMN cancel_sent_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE broker_order ADD COLUMN end_reason VARCHAR(32);
ALTER TABLE broker_order ADD COLUMN end_detail VARCHAR(1000);
