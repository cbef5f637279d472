package dev.iamsteward.queue;

import static dev.iamsteward.support.Requests.approve;
import static dev.iamsteward.support.Requests.submitCreateUser;
import static dev.iamsteward.support.Requests.uniqueUserName;
import static dev.iamsteward.support.Tokens.as;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamsteward.audit.AuditLog;
import dev.iamsteward.iam.memory.InMemoryIamDirectory;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * The replica's own pool of workers: woken by the committing transaction's NOTIFY (the fallback poll is set far
 * beyond the test), and a job's lease, much shorter than the IAM call in progress, renewed by the heartbeat so
 * that no other worker takes the job while it runs.
 */
@QuarkusTest
@TestProfile(QueueWorkersTest.PoolOn.class)
class QueueWorkersTest {

    /** Two workers, a poll that never comes within a test, leases of one second renewed every 200 ms. */
    public static class PoolOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("steward.queue.workers", "2", "steward.queue.poll-interval", "10m",
                    "steward.queue.heartbeat", "200ms", "steward.execution.lease", "1s",
                    "steward.webhooks.lease", "1s");
        }
    }

    @Inject
    AgroalDataSource db;

    @Inject
    InMemoryIamDirectory iam;

    @Inject
    AuditLog audit;

    @AfterEach
    void clearFaults() {
        iam.faults().clear();
    }

    @Test
    void anApprovalIsExecutedAtOnceAndItsCommitSendsAWakeUp() throws Exception {
        try (Connection listening = db.getConnection(); Statement sql = listening.createStatement()) {
            sql.execute("LISTEN " + QueueListener.CHANNEL);
            PGConnection pg = listening.unwrap(PGConnection.class);
            pg.getNotifications(1);

            String id = submitCreateUser(uniqueUserName("woken"));
            approve(id);

            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).untilAsserted(() ->
                    as("alice", "requester").get("/v1/requests/{id}", id).then().statusCode(200)
                            .body("status", org.hamcrest.Matchers.equalTo("SUCCEEDED")));
            boolean jobWake = false;
            for (PGNotification n : pg.getNotifications(1000)) {
                jobWake |= n.getName().equals(QueueListener.CHANNEL) && n.getParameter().equals("execution_job");
            }
            assertTrue(jobWake, "the approval's commit notified the execution queue's listeners");
        }
    }

    @Test
    void theHeartbeatKeepsTheLeaseOfAJobWhoseIamCallOutlastsIt() throws Exception {
        String user = uniqueUserName("slow");
        CountDownLatch inIam = new CountDownLatch(1);
        CountDownLatch resume = new CountDownLatch(1);
        iam.faults().pauseNext("CreateUser", () -> {
            inIam.countDown();
            try {
                resume.await(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        String id = submitCreateUser(user);
        approve(id);
        assertTrue(inIam.await(30, TimeUnit.SECONDS), "a worker reached IAM");
        Timestamp first = leaseUntil(id);
        await().atMost(Duration.ofSeconds(10)).until(() -> leaseUntil(id).getTime() > first.getTime() + 2000);
        assertEquals(1, attempts(id), "three leases long, and still the first attempt: nobody took it over");
        resume.countDown();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                as("alice", "requester").get("/v1/requests/{id}", id).then().statusCode(200)
                        .body("status", org.hamcrest.Matchers.equalTo("SUCCEEDED")));
        assertEquals(1, iam.calls().stream()
                .filter(c -> c.operation().equals("CreateUser") && user.equals(c.userName())).count());
        assertEquals(0, audit.forRequest(UUID.fromString(id)).stream()
                .filter(e -> e.action.equals("execution.resumed")).count());
    }

    private Timestamp leaseUntil(String requestId) throws Exception {
        return value(requestId, "lease_until", Timestamp.class);
    }

    private int attempts(String requestId) throws Exception {
        return value(requestId, "attempts", Integer.class);
    }

    private <T> T value(String requestId, String column, Class<T> type) throws Exception {
        try (Connection c = db.getConnection(); Statement sql = c.createStatement();
                ResultSet row = sql.executeQuery("select " + column + " from execution_job where request_id = '"
                        + requestId + "'")) {
            row.next();
            return row.getObject(1, type);
        }
    }
}
