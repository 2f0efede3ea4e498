package io.tailguard.orders;

import io.tailguard.broker.ExecutionHistory;
import io.tailguard.broker.OrderEventListener;
import io.tailguard.broker.OrderRoute;
import io.tailguard.broker.ibkr.IbkrBroker;
import io.tailguard.broker.ibkr.IbkrClientConfig;
import io.tailguard.broker.sim.SimGateway;
import io.tailguard.broker.sim.SimGatewayConfig;
import io.tailguard.domain.CommissionReport;
import io.tailguard.domain.Contract;
import io.tailguard.domain.ExecutionReport;
import io.tailguard.domain.OpenOrderReport;
import io.tailguard.domain.OptionRight;
import io.tailguard.domain.OrderRejection;
import io.tailguard.domain.OrderSide;
import io.tailguard.domain.OrderStatusReport;
import io.tailguard.domain.OrderTicket;
import io.tailguard.orders.store.OrderStore;
import io.tailguard.orders.store.ProposalStore;
import io.tailguard.store.Database;
import io.tailguard.orders.store.TradingStateStore;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import io.tailguard.proposal.Proposal;
import io.tailguard.proposal.ProposalLeg;
import io.tailguard.proposal.LegIntent;
import io.tailguard.proposal.PriceBounds;
import io.tailguard.proposal.ProposalState;

/**
 * Approval recorded → PLACE_ORDER written to the socket, and EXECUTION_DATA decoded → execution stored
 * in H2, p50/p99 over N orders against an embedded SimGateway ({@link LockedOptionMarket}: one XSP put
 * whose quote is locked, so the midpoint limit fills at once). A measurement, never a test: it lives with
 * the JMH benchmarks in {@code src/jmh} and is built by the {@code bench} profile (see the README's
 * Benchmarks section for the command; notes/issue-4-latency.md for figures).
 * Arguments: {@code N [gapMillis] [streaming|per-call] [mem|file]}; {@code file} runs on an H2 file database
 * as the daemon does (every commit written to the file before it returns), {@code mem} (default) in memory.
 *
 * <p>approval→wire: from just before {@code ApprovalService.approve} to the moment the writer thread has
 * written the PLACE_ORDER frame to the socket (gates, id allocation, the PENDING_SUBMIT row, encoding, the
 * pacer's slot and the hand-off to the writer). approval→place(): the same up to the return of
 * {@code OrderRoute.place} (the frame queued). execution→stored: the time the core's listener spends in
 * {@code onExecution} (the H2 transactions), measured around the listener on the reader thread.
 */
public final class OrderWireBenchmark {

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        // back to back (0), or with a gap between approvals, as in real use
        long gapMillis = args.length > 1 ? Long.parseLong(args[1]) : 0;
        // "streaming" (the daemon's StreamingMarketView) or "per-call" (BrokerMarketView: snapshot + positions per order)
        boolean streaming = args.length <= 2 || !"per-call".equals(args[2]);
        Contract put = Contract.option("XSP", LockedOptionMarket.EXPIRY, LockedOptionMarket.STRIKE, OptionRight.PUT,
                "XSP", 100);
        boolean fileDatabase = args.length > 3 && "file".equals(args[3]);
        String url = fileDatabase
                ? "jdbc:h2:file:" + Files.createTempDirectory("tailguard-bench").resolve("tailguard") + ";AUTO_SERVER=TRUE"
                : "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        // a Monday 10:00 in New York: the exchange's session is open, and the clock moves only when told
        SteppedClock clock = new SteppedClock(Instant.parse("2026-11-23T15:00:00Z"));
        LockedOptionMarket market = new LockedOptionMarket(clock);
        market.setQuote(2.00, 2.00, 2.00); // locked: the mid is the ask, every order fills at once
        try (Database database = Database.open(url, "sa", "", 4);
                SimGateway gateway = new SimGateway(SimGatewayConfig.defaults().withPort(0)
                        .withTickInterval(Duration.ofMillis(50)), market).start()) {
            database.migrate();
            ProposalStore proposals = new ProposalStore(database.dataSource(), clock);
            OrderStore orders = new OrderStore(database.dataSource(), clock);
            TradingStateStore tradingState = new TradingStateStore(database.dataSource(), clock);
            TradingConfig trading = new TradingConfig(null, false, new RiskLimitsConfig(10_000, new BigDecimal("1e12"),
                    null, Duration.ofMinutes(10)));
            TransmissionGates gates = new TransmissionGates(trading, Map.of());
            ApprovalService approvals = new ApprovalService(proposals, new ProposalChecks(gates, orders, tradingState,
                    MarketHours.exchange(), clock), new ApprovalConfig(ApprovalPolicy.MANUAL, Duration.ofMinutes(30),
                    null), clock);
            IbkrBroker broker = new IbkrBroker(new IbkrClientConfig("127.0.0.1", gateway.port(), 31, 1, 45, 90,
                    Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofMillis(50), Duration.ofMillis(500)),
                    clock);
            broker.connect();
            Timed route = new Timed(broker);
            StreamingMarketView streamingView = streaming
                    ? new StreamingMarketView(broker, clock, trading.limits().maxQuoteAge(), 45).start() : null;
            TimedView view = new TimedView(streaming ? streamingView : new BrokerMarketView(broker));
            OrderExecutionService service = new OrderExecutionService(proposals, orders, tradingState, approvals,
                    route, view, gates, OrderWorkingConfig.defaults(), clock, Checkpoint.NONE);
            service.start();
            Actor trader = new Actor("bench", "bench");
            long[] approvalToPlace = new long[n];
            long[] approvalToWire = new long[n];
            long[] recordedToWire = new long[n];
            long[] cpu = new long[n];
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long[] messages = new long[n];
            for (int i = 0; i < n; i++) {
                // the quote keeps ticking (its last price moves), as a traded option's does
                market.setQuote(2.00, 2.00, i % 2 == 0 ? 2.01 : 2.00);
                String id = "B" + (i + 1);
                Proposal p = new Proposal(id, ProposalState.PROPOSED, "weekly-hedge", "benchmark", Map.of(),
                        List.of(new ProposalLeg(id + "-L1", put, OrderSide.BUY, 1, new BigDecimal("2.00"),
                                new BigDecimal("2.10"), new PriceBounds(BigDecimal.ZERO, new BigDecimal("2.10")),
                                LegIntent.BUY_PROTECTION)), clock.instant(), "bench", null);
                proposals.insert(p, trader);
                if (streaming) {
                    service.poll(); // the daemon sees the proposal before it is approved: its quote is streamed
                    await("a streamed quote", () -> streamingView.streamedQuote(put).isPresent());
                }
                long sentBefore = broker.client().messagesQueued();
                long cpu0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                approvals.approve(p.id(), trader);
                long recorded = System.nanoTime();
                if (proposals.find(p.id()).orElseThrow().state() != ProposalState.APPROVED) {
                    throw new IllegalStateException(p.id() + " was not approved: "
                            + proposals.lastEvent(p.id()).map(ProposalStore.Event::detail).orElse("?"));
                }
                route.cpuAtPlace = 0;
                service.poll();
                approvalToPlace[i] = route.lastPlaced - t0;
                cpu[i] = route.cpuAtPlace - cpu0;
                long placeMessage = route.queuedAtPlace;
                await("PLACE_ORDER written", () -> broker.client().messagesWritten() >= placeMessage);
                long written = broker.client().messagesWritten() == placeMessage ? broker.client().lastWriteNanos()
                        : Long.MAX_VALUE; // another message was written after it: cannot tell (never seen)
                approvalToWire[i] = written - t0;
                recordedToWire[i] = written - recorded;
                messages[i] = placeMessage - sentBefore;
                String leg = p.id() + "-L1";
                await("order " + i + " filled",
                        () -> orders.byLeg(leg).map(o -> o.state() == OrderState.FILLED).orElse(false));
                clock.advance(Duration.ofSeconds(1));
                if (gapMillis > 0) {
                    Thread.sleep(gapMillis);
                }
            }
            service.stop();
            if (streamingView != null) {
                streamingView.close();
            }
            broker.close();
            long[] stored = route.executionNanos.stream().mapToLong(Long::longValue).toArray();
            System.out.println(n + " orders, " + gapMillis + " ms between approvals, "
                    + (streaming ? "StreamingMarketView" : "BrokerMarketView (per call)"));
            System.out.println(report("approval -> PLACE_ORDER written", approvalToWire));
            System.out.println(report("approval committed -> written", recordedToWire));
            System.out.println(report("approval -> place() returned", approvalToPlace));
            System.out.println(report("  main thread CPU in that", cpu));
            if (n >= 200) {
                System.out.println(report("    first 100 orders", Arrays.copyOfRange(cpu, 0, 100)));
                System.out.println(report("    last 100 orders", Arrays.copyOfRange(cpu, n - 100, n)));
            }
            if (n > 200) {
                // the order path is cold at first (JIT): the first orders of a week meet it so, the rest warm
                System.out.println(report("approval -> written, orders 101.." + n, Arrays.copyOfRange(approvalToWire, 100, n)));
            }
            System.out.println(report("EXECUTION_DATA -> stored in H2", stored));
            if (stored.length > 200) {
                System.out.println(report("  executions 101.." + stored.length,
                        Arrays.copyOfRange(stored, 100, stored.length)));
            }
            System.out.println(report("  of which: quote", view.quoteNanos.stream().mapToLong(Long::longValue)
                    .toArray()));
            System.out.println(report("  of which: positions", view.positionNanos.stream().mapToLong(Long::longValue)
                    .toArray()));
            System.out.println("messages queued per submission: " + Arrays.stream(messages).summaryStatistics());
            if (streamingView != null) {
                System.out.println("snapshot fallbacks " + streamingView.quoteFallbacks() + ", position-request fallbacks "
                        + streamingView.positionFallbacks());
            }
        }
    }

    /** Spins (1 ms parks) until the condition holds; ten seconds without it ends the run. */
    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not within 10 s: " + what);
            }
            LockSupport.parkNanos(1_000_000);
        }
    }

    static String report(String what, long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return String.format("%-34s n=%d p50=%.2f ms p99=%.2f ms max=%.2f ms", what, s.length,
                s[(int) (s.length * 0.50)] / 1e6, s[Math.min(s.length - 1, (int) (s.length * 0.99))] / 1e6,
                s[s.length - 1] / 1e6);
    }

    /** The market view with a clock around its broker calls. */
    static final class TimedView implements MarketView {
        private final MarketView view;
        final ConcurrentLinkedQueue<Long> quoteNanos = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<Long> positionNanos = new ConcurrentLinkedQueue<>();

        TimedView(MarketView view) {
            this.view = view;
        }

        @Override
        public java.util.Optional<io.tailguard.domain.Quote> quote(Contract contract) {
            long t0 = System.nanoTime();
            try {
                return view.quote(contract);
            } finally {
                quoteNanos.add(System.nanoTime() - t0);
            }
        }

        @Override
        public io.tailguard.domain.MarketRule priceRule(Contract contract) {
            return view.priceRule(contract);
        }

        @Override
        public void follow(java.util.Collection<Contract> contracts) {
            view.follow(contracts);
        }

        @Override
        public List<io.tailguard.domain.Position> positions() {
            long t0 = System.nanoTime();
            try {
                return view.positions();
            } finally {
                positionNanos.add(System.nanoTime() - t0);
            }
        }
    }

    /** The broker's OrderRoute with a clock around place() and around the core's onExecution. */
    static final class Timed implements OrderRoute {
        private final OrderRoute route;
        volatile long lastPlaced;
        volatile long queuedAtPlace;
        volatile long cpuAtPlace;
        final ConcurrentLinkedQueue<Long> executionNanos = new ConcurrentLinkedQueue<>();

        Timed(OrderRoute route) {
            this.route = route;
        }

        @Override
        public String accountId() {
            return route.accountId();
        }

        @Override
        public long nextValidId() {
            return route.nextValidId();
        }

        @Override
        public void place(OrderTicket ticket) {
            route.place(ticket);
            lastPlaced = System.nanoTime();
            cpuAtPlace = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            queuedAtPlace = ((IbkrBroker) route).client().messagesQueued();
        }

        @Override
        public void cancel(long orderId) {
            route.cancel(orderId);
        }

        @Override
        public List<OpenOrderReport> openOrders() {
            return route.openOrders();
        }

        @Override
        public List<OpenOrderReport> completedOrders() {
            return route.completedOrders();
        }

        @Override
        public ExecutionHistory executionsSince(Instant since) {
            return route.executionsSince(since);
        }

        @Override
        public AutoCloseable listen(OrderEventListener l) {
            return route.listen(new OrderEventListener() {
                @Override
                public void onStatus(OrderStatusReport status) {
                    l.onStatus(status);
                }

                @Override
                public void onExecution(ExecutionReport execution) {
                    long t0 = System.nanoTime();
                    l.onExecution(execution);
                    executionNanos.add(System.nanoTime() - t0);
                }

                @Override
                public void onCommission(CommissionReport commission) {
                    l.onCommission(commission);
                }

                @Override
                public void onRejection(OrderRejection rejection) {
                    l.onRejection(rejection);
                }
            });
        }
    }
}
