-- The simulated gateway a running daemon embeds (broker.mode: sim), so that console commands on the same host
-- work against the daemon's market (its quotes, its account, its clock) instead of starting one of their own.
-- Works on H2 and PostgreSQL.
-- One row per daemon instance (the scheduler's instance id): written when the daemon has started, refreshed
-- every 10 s on the wall clock, deleted at a clean stop. A row not refreshed for 30 s is a dead daemon's and is
-- ignored (and deleted by the next daemon that starts on this host).
-- host_name: the machine the daemon runs on; the gateway listens on its loopback only, so only consoles on the
--   same machine use it.
-- replay_*: the daemon's replay clock (sim.clock): at the wall instant replay_wall_anchor the simulated time was
--   replay_sim_anchor, and it runs replay_speed simulated seconds per wall second. All three null on the wall clock.
CREATE TABLE sim_gateway (
    instance_id        VARCHAR(200) NOT NULL PRIMARY KEY,
    host_name          VARCHAR(255) NOT NULL,
    gateway_host       VARCHAR(255) NOT NULL,
    gateway_port       INT NOT NULL,
    account_id         VARCHAR(32) NOT NULL,
    replay_wall_anchor TIMESTAMP WITH TIME ZONE,
    replay_sim_anchor  TIMESTAMP WITH TIME ZONE,
    replay_speed       DOUBLE PRECISION,
    started_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    refreshed_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
