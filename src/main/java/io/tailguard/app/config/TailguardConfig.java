package io.tailguard.app.config;

import io.tailguard.config.Require;
import io.tailguard.orders.TradingConfig;
import io.tailguard.orders.ApprovalConfig;
import io.tailguard.orders.OrdersConfig;
import io.tailguard.broker.BrokerConfig;
import io.tailguard.broker.sim.SimConfig;
import io.tailguard.store.DatabaseConfig;
import io.tailguard.schedule.ScheduleConfig;

/** The whole configuration of one tailguard installation (config/tailguard.yaml). */
public record TailguardConfig(
        BrokerConfig broker,
        DatabaseConfig database,
        TradingConfig trading,
        ApprovalConfig approval,
        ScheduleConfig schedule,
        PathsConfig paths,
        SimConfig sim,
        OrdersConfig orders) {

    public TailguardConfig {
        broker = Require.present(broker, "broker");
        database = Require.present(database, "database");
        trading = Require.orDefault(trading, new TradingConfig(null, null, null));
        approval = Require.orDefault(approval, new ApprovalConfig(null, null, null));
        schedule = Require.orDefault(schedule, new ScheduleConfig(null, null, null));
        paths = Require.orDefault(paths, new PathsConfig(null, null));
        sim = Require.orDefault(sim, SimConfig.defaults());
        orders = Require.orDefault(orders, OrdersConfig.defaults());
    }

    public TailguardConfig withBroker(BrokerConfig b) {
        return new TailguardConfig(b, database, trading, approval, schedule, paths, sim, orders);
    }

    public TailguardConfig withPaths(PathsConfig p) {
        return new TailguardConfig(broker, database, trading, approval, schedule, p, sim, orders);
    }

    public TailguardConfig withDatabase(DatabaseConfig d) {
        return new TailguardConfig(broker, d, trading, approval, schedule, paths, sim, orders);
    }
}
