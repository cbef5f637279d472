package dev.iamsteward.execution;

import static dev.iamsteward.support.Requests.approve;
import static dev.iamsteward.support.Requests.submitCreateUser;
import static dev.iamsteward.support.Requests.uniqueUserName;
import static dev.iamsteward.support.Tokens.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.iamsteward.account.TargetAccounts;
import dev.iamsteward.audit.AuditLog;
import dev.iamsteward.iam.memory.InMemoryIamDirectory;
import dev.iamsteward.request.RequestPlanner;
import dev.iamsteward.support.Flows;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Worker pools sharing one database each claim a job only once, so every job is executed exactly once. */
@QuarkusTest
class ConcurrentWorkersTest {

    private static final int JOBS = 30;
    private static final int WORKERS = 4;

    @Inject
    JobWorker worker;

    @Inject
    JobQueue queue;

    @Inject
    RequestPlanner planner;

    @Inject
    RequestExecutor executor;

    @Inject
    ExecutionConfig config;

    @Inject
    TargetAccounts accounts;

    @Inject
    ExecutionSpans spans;

    @Inject
    InMemoryIamDirectory iam;

    @Inject
    AuditLog audit;

    @Test
    void everyJobIsExecutedExactlyOnceByWorkersRacingForThem() throws Exception {
        Flows.drain(worker);
        List<String> users = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < JOBS; i++) {
            String user = uniqueUserName("pooled");
            String id = submitCreateUser(user);
            approve(id);
            users.add(user);
            ids.add(id);
        }

        AtomicInteger ran = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < WORKERS; w++) {
                JobWorker own = new JobWorker(queue, planner, executor, config, accounts, spans);
                done.add(pool.submit(() -> {
                    start.await();
                    int n;
                    do {
                        n = own.runDueJobs();
                        ran.addAndGet(n);
                    } while (n > 0);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertEquals(JOBS, ran.get(), "each job was claimed once");
        for (int i = 0; i < JOBS; i++) {
            String user = users.get(i);
            assertEquals(1, iam.calls().stream()
                    .filter(c -> c.operation().equals("CreateUser") && user.equals(c.userName())).count(), user);
            assertEquals(1, audit.forRequest(UUID.fromString(ids.get(i))).stream()
                    .filter(e -> e.action.equals("execution.succeeded")).count(), ids.get(i));
            as("alice", "requester").get("/v1/requests/{id}", ids.get(i)).then().statusCode(200)
                    .body("status", org.hamcrest.Matchers.equalTo("SUCCEEDED"));
        }
    }
}
