package dev.iamsteward.execution;

import static dev.iamsteward.support.Requests.approve;
import static dev.iamsteward.support.Requests.submitCreateUser;
import static dev.iamsteward.support.Requests.uniqueUserName;
import static dev.iamsteward.support.Tokens.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamsteward.account.TargetAccounts;
import dev.iamsteward.audit.AuditLog;
import dev.iamsteward.iam.memory.InMemoryIamDirectory;
import dev.iamsteward.request.RequestPlanner;
import dev.iamsteward.support.Flows;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A worker told to stop takes no new job, finishes the one in progress and hands back what it has not started. */
@QuarkusTest
class GracefulShutdownTest {

    private static final Duration GRACE = Duration.ofMinutes(1);

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

    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @BeforeEach
    void emptyQueue() {
        Flows.drain(worker);
    }

    @AfterEach
    void stopPool() {
        iam.faults().clear();
        pool.shutdownNow();
    }

    @Test
    void aClaimedJobIsHandedBackAtOnceWhenItsWorkerStops() {
        String id = approved("handback");
        JobWorker stopping = newWorker();
        ExecutionOrder claimed = queue.claimNext(stopping.workerId()).orElseThrow();
        assertEquals(UUID.fromString(id), claimed.requestId());

        stopping.stop(GRACE);

        ExecutionJob job = job(claimed.jobId());
        assertEquals(ExecutionJob.State.QUEUED, job.state);
        assertNull(job.leaseOwner, "the lease is released");
        assertNull(job.leaseUntil, "the lease is released");
        assertEquals(0, job.attempts, "the claim that never ran is no attempt");
        assertEquals(1, audit.forRequest(claimed.requestId()).stream()
                .filter(e -> e.action.equals("execution.released")).count());

        ExecutionOrder again = queue.claimNext("another-replica").orElseThrow(
                () -> new AssertionError("the job is claimable again without waiting for its lease"));
        assertEquals(claimed.jobId(), again.jobId());
        queue.release(again, "another-replica");
        assertEquals(1, newWorker().runDueJobs());
        status(id, "SUCCEEDED");
    }

    @Test
    void theJobInProgressFinishesAndNoOtherIsClaimedAfterStop() throws Exception {
        String inProgress = approved("inflight");
        String waiting = approved("waiting");
        CountDownLatch inIam = new CountDownLatch(1);
        CountDownLatch resume = new CountDownLatch(1);
        iam.faults().pauseNext("CreateUser", () -> {
            inIam.countDown();
            awaitLatch(resume);
        });
        JobWorker stopping = newWorker();

        Future<Integer> run = pool.submit(stopping::runDueJobs);
        assertTrue(inIam.await(1, TimeUnit.MINUTES), "the first job reached IAM");
        Future<?> stop = pool.submit(() -> stopping.stop(GRACE));
        await().until(stopping::isStopping);
        resume.countDown();
        stop.get(1, TimeUnit.MINUTES);

        assertEquals(1, run.get(1, TimeUnit.MINUTES), "only the job in progress ran");
        status(inProgress, "SUCCEEDED");
        status(waiting, "APPROVED");
        assertEquals(0, stopping.runDueJobs(), "a stopped worker claims nothing");
        assertEquals(1, newWorker().runDueJobs(), "another worker takes the waiting job");
        status(waiting, "SUCCEEDED");
    }

    private String approved(String prefix) {
        String id = submitCreateUser(uniqueUserName(prefix));
        approve(id);
        return id;
    }

    private JobWorker newWorker() {
        return new JobWorker(queue, planner, executor, config, accounts, spans);
    }

    private static ExecutionJob job(long id) {
        return QuarkusTransaction.requiringNew().call(() -> ExecutionJob.findById(id));
    }

    private static void status(String id, String status) {
        as("alice", "requester").get("/v1/requests/{id}", id).then().statusCode(200)
                .body("status", equalTo(status));
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            latch.await(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
