/**
 * Quartz jobs (thin shells), the scheduler set-up and the exchange calendar. Entry point: {@link io.tailguard.schedule.SchedulerService}.
 */
package io.tailguard.schedule;
