package io.tailguard.schedule;

import java.util.Map;
import java.util.function.Supplier;
import org.quartz.Job;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.spi.JobFactory;
import org.quartz.spi.TriggerFiredBundle;

/** Builds jobs with their services injected, instead of Quartz's no-argument reflection. */
public final class ServiceJobFactory implements JobFactory {
    private final Map<Class<? extends Job>, Supplier<? extends Job>> suppliers;

    public ServiceJobFactory(Map<Class<? extends Job>, Supplier<? extends Job>> suppliers) {
        this.suppliers = Map.copyOf(suppliers);
    }

    @Override
    public Job newJob(TriggerFiredBundle bundle, Scheduler scheduler) throws SchedulerException {
        Class<? extends Job> type = bundle.getJobDetail().getJobClass();
        Supplier<? extends Job> supplier = suppliers.get(type);
        if (supplier == null) {
            throw new SchedulerException("no services are wired for job class " + type.getName());
        }
        return supplier.get();
    }
}
