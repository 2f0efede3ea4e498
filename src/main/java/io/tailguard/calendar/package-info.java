/**
 * The exchange calendar: venues, regular sessions, holidays, early closes and listed-expiry rules (NYSE for
 * shares, Cboe index options until 16:15). Domain knowledge shared by the simulated market, the order loop's
 * market hours, the schedule and the strategies. Entry point: {@link io.tailguard.calendar.ExchangeCalendar}.
 */
package io.tailguard.calendar;
