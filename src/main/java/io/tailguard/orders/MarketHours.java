package io.tailguard.orders;

import io.tailguard.domain.Contract;
import io.tailguard.domain.SecurityType;
import io.tailguard.calendar.ExchangeCalendar;
import io.tailguard.calendar.Session;
import io.tailguard.calendar.Venue;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import io.tailguard.proposal.Proposal;
import io.tailguard.proposal.ProposalLeg;

/**
 * When an order can be worked: each leg's venue in its regular session, from the exchange calendar. XSP,
 * SPX(W) and SPY options trade on the index-option hours (09:30-16:15 New York, 13:15 on an early close),
 * other options and stocks until 16:00 (13:00). A DAY order sent outside the session would only wait at the
 * broker for the next one and be cancelled unworked when the daemon's working window ran out, so the daemon
 * holds an approved proposal until every one of its venues is open. Pure: the caller passes the instant
 * (from its injected clock).
 */
public final class MarketHours {
    /** How the session is found: from the exchange calendar, or not at all (a gateway that never closes). */
    public enum Mode { EXCHANGE, ALWAYS }

    private static final Set<String> INDEX_OPTION_CLASSES = Set.of("SPX", "SPXW", "XSP", "SPY");
    private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    /** Longer than any closure the calendar knows (a holiday weekend plus a day of mourning). */
    private static final int MAX_DAYS_AHEAD = 14;

    private final ExchangeCalendar calendar;
    private final Mode mode;

    public MarketHours(ExchangeCalendar calendar, Mode mode) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.mode = Objects.requireNonNull(mode, "mode");
    }

    /** The rule-based NYSE / Cboe calendar. */
    public static MarketHours exchange() {
        return new MarketHours(ExchangeCalendar.nyse(), Mode.EXCHANGE);
    }

    public static MarketHours of(Mode mode) {
        return new MarketHours(ExchangeCalendar.nyse(), mode);
    }

    public Mode mode() {
        return mode;
    }

    /** Where the contract trades, which fixes its hours. */
    public static Venue venueOf(Contract c) {
        if (c.securityType() != SecurityType.OPTION) {
            return Venue.EQUITIES;
        }
        String cls = c.tradingClass().isEmpty() ? c.symbol() : c.tradingClass();
        return INDEX_OPTION_CLASSES.contains(cls) || INDEX_OPTION_CLASSES.contains(c.symbol()) ? Venue.INDEX_OPTIONS
                : Venue.EQUITY_OPTIONS;
    }

    /** Whether all of these contracts can be worked at {@code now}, and until / from when. */
    public MarketStatus status(Collection<Contract> contracts, Instant now) {
        if (mode == Mode.ALWAYS) {
            return new MarketStatus.Unrestricted();
        }
        Set<Venue> venues = venues(contracts);
        String described = describe(contracts);
        LocalDate day = now.atZone(ExchangeCalendar.NEW_YORK).toLocalDate();
        for (int i = 0; i <= MAX_DAYS_AHEAD; i++, day = day.plusDays(1)) {
            Optional<Session> s = commonSession(day, venues);
            if (s.isEmpty() || !now.isBefore(s.get().close().toInstant())) {
                continue;
            }
            Instant open = s.get().open().toInstant();
            Instant close = s.get().close().toInstant();
            return now.isBefore(open) ? new MarketStatus.Closed(described, open, close)
                    : new MarketStatus.Open(described, close);
        }
        throw new IllegalStateException("no session of " + venues + " within " + MAX_DAYS_AHEAD + " days of " + now);
    }

    /** As {@link #status(Collection, Instant)} for one proposal's legs. */
    public MarketStatus status(Proposal p, Instant now) {
        return status(p.legs().stream().map(ProposalLeg::contract).toList(), now);
    }

    /**
     * The close of the session a DAY order for {@code contract} transmitted at {@code sentAt} was worked in:
     * the session under way, or the next one when it was sent outside. Empty when no session is enforced.
     */
    public Optional<Instant> dayOrderEnd(Contract contract, Instant sentAt) {
        if (mode == Mode.ALWAYS) {
            return Optional.empty();
        }
        MarketStatus s = status(List.of(contract), sentAt);
        return Optional.of(s instanceof MarketStatus.Open o ? o.closesAt() : ((MarketStatus.Closed) s).closesAt());
    }

    /** The hours all the venues share on {@code day}: the latest open to the earliest close. */
    private Optional<Session> commonSession(LocalDate day, Set<Venue> venues) {
        Session common = null;
        for (Venue v : venues) {
            Optional<Session> s = calendar.session(day, v);
            if (s.isEmpty()) {
                return Optional.empty();
            }
            if (common == null) {
                common = s.get();
            } else {
                var open = s.get().open().isAfter(common.open()) ? s.get().open() : common.open();
                var close = s.get().close().isBefore(common.close()) ? s.get().close() : common.close();
                common = new Session(open, close, common.earlyClose() || s.get().earlyClose());
            }
        }
        return Optional.ofNullable(common);
    }

    private static Set<Venue> venues(Collection<Contract> contracts) {
        Set<Venue> out = EnumSet.noneOf(Venue.class);
        contracts.forEach(c -> out.add(venueOf(c)));
        if (out.isEmpty()) {
            out.add(Venue.EQUITIES);
        }
        return out;
    }

    /** "XSP options: index options 09:30-16:15 New York, 13:15 on early closes", one part per venue. */
    private static String describe(Collection<Contract> contracts) {
        Map<Venue, Set<String>> names = new LinkedHashMap<>();
        for (Contract c : contracts) {
            names.computeIfAbsent(venueOf(c), v -> new java.util.TreeSet<>())
                    .add(c.isOption() ? c.symbol() + " options" : c.symbol());
        }
        return names.entrySet().stream().map(e -> String.join(", ", e.getValue()) + ": " + label(e.getKey()) + " "
                + HOURS.format(e.getKey().open()) + "-" + HOURS.format(e.getKey().close()) + " New York, "
                + HOURS.format(e.getKey().earlyClose()) + " on early closes").collect(Collectors.joining("; "));
    }

    private static String label(Venue v) {
        return switch (v) {
            case EQUITIES -> "stocks";
            case EQUITY_OPTIONS -> "equity options";
            case INDEX_OPTIONS -> "index options";
        };
    }
}
