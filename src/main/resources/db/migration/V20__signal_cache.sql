-- Signal inputs cache (issue #8): every observation fetched from FRED, EDGAR, the broker's daily bars or the CSV
-- inputs, with the date it describes and the date it became known. A revision (a restated 10-K, an override) is a
-- new row with a later available_on, so a past snapshot can be recomputed from what was known then.
CREATE TABLE signal_observation (
    series       VARCHAR(128)     NOT NULL,  -- e.g. fred:SOFR, ibkr:VIX, edgar:MSFT.revenue, csv:fedwatch.delayed_cut
    observed_on  DATE             NOT NULL,  -- the date the value describes
    available_on DATE             NOT NULL,  -- the first date it could be known
    obs_value    DOUBLE PRECISION NOT NULL,
    fetched_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_signal_observation PRIMARY KEY (series, observed_on, available_on)
);

CREATE INDEX ix_signal_observation_available ON signal_observation (available_on);

-- The last fetch attempt per series and its outcome, so a layer can say "last fetch failed: HTTP 500 ...".
CREATE TABLE signal_fetch (
    series      VARCHAR(128) NOT NULL,
    fetched_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    succeeded   BOOLEAN      NOT NULL,
    problem     VARCHAR(2000),
    CONSTRAINT pk_signal_fetch PRIMARY KEY (series)
);
