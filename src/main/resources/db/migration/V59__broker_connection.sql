-- How each daemon's connection to the broker stands, written by the daemon whenever it changes, so that
-- `status` (a separate process) can say connected or disconnected, since when, when it was last up, and
-- the last error. Times are wall-clock instants; null means "not yet".
CREATE TABLE broker_connection (
    instance_id      VARCHAR(200) PRIMARY KEY REFERENCES daemon_run (instance_id),
    mode             VARCHAR(8)   NOT NULL,   -- sim (the embedded simulated gateway) or tws
    host             VARCHAR(255) NOT NULL,   -- the address the daemon dials
    port             INT          NOT NULL,
    client_id        INT          NOT NULL,
    account          VARCHAR(64),             -- the first managed account, once connected
    state            VARCHAR(16)  NOT NULL,   -- IDLE, CONNECTING, CONNECTED, LINK_LOST (TWS's own link to IB), CLOSED
    since            TIMESTAMP WITH TIME ZONE, -- start of the current condition: up since, or down since
    connected_at     TIMESTAMP WITH TIME ZONE, -- the latest session's start
    lost_at          TIMESTAMP WITH TIME ZONE, -- the latest session's end
    failed_attempts  INT          NOT NULL,   -- since the latest session began
    last_error       VARCHAR(1000),
    last_error_at    TIMESTAMP WITH TIME ZONE,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
