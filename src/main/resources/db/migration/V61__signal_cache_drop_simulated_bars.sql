-- Issue 12: before V60 the embedded default stored the simulated gateway's daily bars in the signal cache under the
-- same series ids as a real broker's (ibkr:SPX, ibkr:VIX, ...), so a later run on a real broker could have used
-- simulated closes as cached live values. The simulated market is no longer cached; drop every cached bar. A run on
-- a real broker fetches its whole bar window again, so nothing real is lost.
DELETE FROM signal_observation WHERE series LIKE 'ibkr:%';
DELETE FROM signal_fetch WHERE series LIKE 'ibkr:%';
