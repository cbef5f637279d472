package dev.iamsteward;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamsteward.common.StoredTriggers;
import io.agroal.api.AgroalDataSource;
import io.quarkus.quartz.runtime.jdbc.QuarkusPostgreSQLDelegate;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.SimpleTrigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.impl.matchers.GroupMatcher;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;

/**
 * The sweeps are triggers of Quartz's clustered JDBC job store, so that each fire time runs on one replica; the
 * queues are worked by their own pool of workers on every replica, not by the scheduler. Schedulers are on here
 * but halted, so nothing fires.
 */
@QuarkusTest
@TestProfile(ClusteredScheduleTest.SchedulersOn.class)
class ClusteredScheduleTest {

    static final Set<String> SWEEPS = Set.of("request-sweeps", "rotation-sweep", "posture-scan", "secret-expiry",
            "idempotency-expiry", "mfa-enrolment-expiry", "webhook-retention-sweep", "break-glass-reviews");
    /** The scheduler jobs the queues were once polled by: the queues' own pool of workers does it now. */
    static final Set<String> WORK_LOOPS = Set.of("execution-poll", "webhook-inbox-poll", "webhook-outbox-poll");

    /** Schedulers registered as in production, none firing. */
    public static class SchedulersOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.scheduler.enabled", "true", "quarkus.scheduler.start-mode", "halted");
        }
    }

    /** What the two replicas fired: the fire time and the replica, one entry per execution. */
    static final ConcurrentLinkedQueue<String> FIRED = new ConcurrentLinkedQueue<>();

    @Inject
    AgroalDataSource db;

    @Inject
    io.quarkus.scheduler.Scheduler scheduler;

    @Inject
    Scheduler quartz;

    @Inject
    StoredTriggers triggers;

    @Test
    void theSweepsAreTriggersOfTheClusteredStoreAndTheWorkLoopsAreNot() throws SQLException {
        Map<String, Boolean> stored = new HashMap<>();
        Map<String, Integer> misfire = new HashMap<>();
        try (Connection c = db.getConnection(); ResultSet rows = c.createStatement().executeQuery(
                "select t.trigger_name, t.misfire_instr, j.is_nonconcurrent from qrtz_triggers t join "
                        + "qrtz_job_details j using (sched_name, job_name, job_group) "
                        + "where sched_name = 'iam-steward'")) {
            while (rows.next()) {
                stored.put(rows.getString(1), rows.getBoolean(3));
                misfire.put(rows.getString(1), rows.getInt(2));
            }
        }
        assertEquals(SWEEPS, stored.keySet(), "the sweeps, and only they, are in the JDBC store");
        stored.forEach((sweep, nonconcurrent) -> assertTrue(nonconcurrent, sweep + " must not overlap itself"));
        misfire.forEach((sweep, instruction) -> assertEquals(
                org.quartz.SimpleTrigger.MISFIRE_INSTRUCTION_RESCHEDULE_NOW_WITH_EXISTING_REPEAT_COUNT, instruction,
                sweep + ": a missed sweep fires once, at once"));
        for (String loop : WORK_LOOPS) {
            assertNull(scheduler.getScheduledJob(loop), loop + ": the queue workers poll, not the scheduler");
        }
    }

    @Test
    void aShortenedIntervalTakesEffectAtStartupInsteadOfAfterTheOldOne() throws Exception {
        // What Quarkus leaves at startup after posture-scan's interval went from 4 days to the configured 4h: the
        // stored trigger has the new interval but the next fire time the old one gave it, days away.
        Scheduler store = quartz;
        TriggerKey scan = store.getTriggerKeys(GroupMatcher.anyTriggerGroup()).stream()
                .filter(key -> key.getName().equals("posture-scan")).findFirst().orElseThrow();
        SimpleTrigger stored = (SimpleTrigger) store.getTrigger(scan);
        Duration interval = Duration.ofMillis(stored.getRepeatInterval());
        assertEquals(Duration.ofHours(4), interval, "the configured steward.posture.scan-interval");
        Instant oldNext = Instant.now().plus(Duration.ofDays(3));
        store.rescheduleJob(scan, stored.getTriggerBuilder().startAt(Date.from(oldNext)).build());
        Map<String, Date> othersBefore = nextFireTimes(store);
        othersBefore.remove("posture-scan");

        Instant started = Instant.now().truncatedTo(ChronoUnit.MILLIS); // Quartz keeps milliseconds
        assertEquals(List.of("posture-scan"), triggers.followConfiguration());

        SimpleTrigger moved = (SimpleTrigger) store.getTrigger(scan);
        Instant next = moved.getNextFireTime().toInstant();
        assertTrue(!next.isBefore(started.plus(interval)) && !next.isAfter(Instant.now().plus(interval)),
                "the next scan is one interval from now, not at " + oldNext + ": " + next);
        assertEquals(interval.toMillis(), moved.getRepeatInterval());
        assertEquals(SimpleTrigger.REPEAT_INDEFINITELY, moved.getRepeatCount());
        assertEquals(SimpleTrigger.MISFIRE_INSTRUCTION_RESCHEDULE_NOW_WITH_EXISTING_REPEAT_COUNT,
                moved.getMisfireInstruction());
        Map<String, Date> othersAfter = nextFireTimes(store);
        othersAfter.remove("posture-scan");
        assertEquals(othersBefore, othersAfter, "triggers due within their interval are left as they are");
        assertEquals(List.of(), triggers.followConfiguration(), "nothing more to move");
    }

    private static Map<String, Date> nextFireTimes(Scheduler store) throws SchedulerException {
        Map<String, Date> times = new HashMap<>();
        for (TriggerKey key : store.getTriggerKeys(GroupMatcher.anyTriggerGroup())) {
            times.put(key.getName(), store.getTrigger(key).getNextFireTime());
        }
        return times;
    }

    @Test
    void twoClusteredReplicasFireEachFireTimeOnceAndOneCarriesOnWhenTheOtherStops() throws Exception {
        String cluster = "steward-cluster-" + UUID.randomUUID();
        DBConnectionManager.getInstance().addConnectionProvider(cluster, new Pool(db));
        Scheduler first = replica(cluster, "replica-1");
        Scheduler second = replica(cluster, "replica-2");
        int fires = 30;
        try {
            first.scheduleJob(JobBuilder.newJob(Tally.class).withIdentity("tally").build(),
                    TriggerBuilder.newTrigger().withIdentity("tally").startNow().withSchedule(SimpleScheduleBuilder
                            .simpleSchedule().withIntervalInMilliseconds(200).withRepeatCount(fires - 1)).build());
            await().atMost(Duration.ofSeconds(30)).until(() -> FIRED.size() >= fires / 3);
            first.shutdown(true);
            int beforeStop = FIRED.size();
            await().atMost(Duration.ofSeconds(60)).until(() -> FIRED.size() >= fires);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> FIRED.size() == fires);

            List<String> times = FIRED.stream().map(f -> f.substring(0, f.indexOf('@'))).toList();
            assertEquals(fires, Set.copyOf(times).size(), "every fire time ran once across both: " + FIRED);
            Set<String> afterStop = FIRED.stream().skip(beforeStop).map(f -> f.substring(f.indexOf('@') + 1))
                    .collect(Collectors.toSet());
            assertEquals(Set.of("replica-2"), afterStop, "the replica still running took the rest");
        } finally {
            first.shutdown(false);
            second.shutdown(false);
        }
    }

    /** A Quartz scheduler configured as the service configures its own: JDBC store, clustered, our tables. */
    private static Scheduler replica(String cluster, String id) throws SchedulerException {
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", cluster);
        p.setProperty("org.quartz.scheduler.instanceId", id);
        p.setProperty("org.quartz.scheduler.idleWaitTime", "1000");
        p.setProperty("org.quartz.threadPool.threadCount", "2");
        p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.setProperty("org.quartz.jobStore.driverDelegateClass", QuarkusPostgreSQLDelegate.class.getName());
        p.setProperty("org.quartz.jobStore.dataSource", cluster);
        p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        p.setProperty("org.quartz.jobStore.isClustered", "true");
        p.setProperty("org.quartz.jobStore.clusterCheckinInterval", "1000");
        Scheduler replica = new StdSchedulerFactory(p).getScheduler();
        // One JVM plays two replicas: Quartz keeps one scheduler per name in a registry, so the first leaves it.
        SchedulerRepository.getInstance().remove(cluster);
        replica.start();
        return replica;
    }

    /** Counts each execution with its scheduled fire time and the replica that ran it. */
    public static class Tally implements Job {
        @Override
        public void execute(JobExecutionContext context) {
            try {
                FIRED.add(context.getScheduledFireTime().getTime() + "@"
                        + context.getScheduler().getSchedulerInstanceId());
            } catch (SchedulerException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The test database's connections, for the replicas' job stores. */
    record Pool(AgroalDataSource db) implements ConnectionProvider {
        @Override
        public Connection getConnection() throws SQLException {
            return db.getConnection();
        }

        @Override
        public void shutdown() {
        }

        @Override
        public void initialize() {
        }
    }
}
