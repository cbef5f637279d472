package dev.iamsteward.common;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleTrigger;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;

/**
 * Makes a changed sweep interval take effect at startup. The sweeps' triggers outlive the process in the clustered
 * store; Quarkus gives a stored trigger the configured interval but keeps its next fire time, so a shortened
 * interval (a posture scan from 4h to 15m) would wait out the old one first. A trigger whose next fire time is
 * further off than one interval of its own is moved to one interval from now.
 */
@ApplicationScoped
public class StoredTriggers {

    private final Instance<Scheduler> quartz;
    private final boolean schedulerEnabled;

    StoredTriggers(Instance<Scheduler> quartz,
            @ConfigProperty(name = "quarkus.scheduler.enabled", defaultValue = "true") boolean schedulerEnabled) {
        this.quartz = quartz;
        this.schedulerEnabled = schedulerEnabled;
    }

    /** After Quarkus registered the sweeps (it does so when its scheduler is created, which asking for it forces). */
    void onStart(@Observes @Priority(Interceptor.Priority.LIBRARY_AFTER + 100) StartupEvent start)
            throws SchedulerException {
        followConfiguration();
    }

    /** Moves every stored trigger due later than one interval from now; returns the ones moved. */
    public List<String> followConfiguration() throws SchedulerException {
        if (!schedulerEnabled) {
            return List.of(); // no store to look at (tests, unless they turn the schedulers on)
        }
        Scheduler scheduler = quartz.get();
        Instant now = Instant.now(); // Quartz's own time, whatever clock the service's logic is given
        List<String> moved = new ArrayList<>();
        for (TriggerKey key : scheduler.getTriggerKeys(GroupMatcher.anyTriggerGroup())) {
            if (scheduler.getTrigger(key) instanceof SimpleTrigger trigger && trigger.getNextFireTime() != null) {
                Duration interval = Duration.ofMillis(trigger.getRepeatInterval());
                Instant next = trigger.getNextFireTime().toInstant();
                Instant latest = now.plus(interval);
                if (!interval.isZero() && !interval.isNegative() && next.isAfter(latest)) {
                    scheduler.rescheduleJob(key, trigger.getTriggerBuilder().startAt(Date.from(latest)).build());
                    Log.infof("Sweep %s runs every %s now: its next run moves from %s to %s", key.getName(),
                            interval, next, latest);
                    moved.add(key.getName());
                }
            }
        }
        return List.copyOf(moved);
    }
}
