/**
 * Quartz jobs (thin shells over services), the scheduler set-up and the schedule's configuration
 * ({@link io.tailguard.schedule.ScheduleConfig}); the exchange calendar is {@code io.tailguard.calendar}'s. Entry
 * point: {@link io.tailguard.schedule.SchedulerService}.
 */
package io.tailguard.schedule;
