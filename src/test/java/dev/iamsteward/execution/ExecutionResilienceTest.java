package dev.iamsteward.execution;

import static dev.iamsteward.support.Requests.approve;
import static dev.iamsteward.support.Requests.submitCreateUser;
import static dev.iamsteward.support.Requests.uniqueUserName;
import static dev.iamsteward.support.Tokens.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamsteward.audit.AuditLog;
import dev.iamsteward.iam.Attribution;
import dev.iamsteward.iam.IamException;
import dev.iamsteward.iam.NewUser;
import dev.iamsteward.iam.memory.InMemoryIamDirectory;
import dev.iamsteward.support.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import dev.iamsteward.support.Flows;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Durable execution: a worker that dies mid-job, throttling, retries running out, and a name taken meanwhile. */
@QuarkusTest
class ExecutionResilienceTest {

    private static final Duration PAST_ANY_BACKOFF = Duration.ofHours(1);

    @Inject
    JobQueue queue;

    @Inject
    RequestExecutor executor;

    @Inject
    JobWorker worker;

    @Inject
    InMemoryIamDirectory iam;

    @Inject
    TestClock clock;

    @Inject
    AuditLog audit;

    @Inject
    ExecutionConfig config;

    @Inject
    dev.iamsteward.request.RequestPlanner planner;

    /** Jobs other test classes left due would otherwise be claimed first. */
    @BeforeEach
    void drainLeftoverJobs() {
        Flows.drain(worker);
    }

    @AfterEach
    void clearFaults() {
        iam.faults().clear();
    }

    @Test
    void aJobWhoseWorkerDiedAfterCreatingTheUserIsResumedWithoutCreatingItTwice() {
        String userName = uniqueUserName("crash");
        String id = submitCreateUser(userName);
        approve(id);

        // A first worker claims the job and creates the user in IAM, then dies before recording the outcome.
        ExecutionOrder order = claimFor(id, "worker-that-dies");
        executor.runStep(order, 0);
        assertEquals("EXECUTING", status(id));
        assertEquals(0, worker.runDueJobs(), "a job under a live lease must not be taken by another worker");

        clock.advance(config.lease().plusSeconds(1));
        assertEquals(1, worker.runDueJobs());

        as("alice", "requester").get("/v1/requests/{id}", id).then()
                .body("status", equalTo("SUCCEEDED"))
                .body("userArn", containsString(userName));
        assertEquals(1, createUserCalls(userName), "CreateUser must run exactly once");
        List<String> actions = audit.forRequest(UUID.fromString(id)).stream().map(e -> e.action).toList();
        assertEquals(List.of("request.submitted", "request.approved", "execution.started", "execution.resumed",
                "execution.step-done", "execution.succeeded"), actions);

        // The dead worker's late report is ignored: the job is no longer its own.
        queue.failed(order, "worker-that-dies", "too late");
        assertEquals("SUCCEEDED", status(id));
    }

    @Test
    void aJobWhoseWorkerDiedBeforeCallingIamIsResumedAndDoneOnce() {
        String userName = uniqueUserName("early-crash");
        String id = submitCreateUser(userName);
        approve(id);
        claimFor(id, "worker-that-dies-early");

        clock.advance(config.lease().plusSeconds(1));
        worker.runDueJobs();

        assertEquals("SUCCEEDED", status(id));
        assertEquals(1, createUserCalls(userName));
    }

    @Test
    void throttlingIsRetriedWithBackoffUntilItSucceeds() {
        String userName = uniqueUserName("throttled");
        String id = submitCreateUser(userName);
        approve(id);
        iam.faults().throttleNext("CreateUser", 2);

        worker.runDueJobs();
        assertEquals("EXECUTING", status(id));
        assertEquals(0, worker.runDueJobs(), "the retry waits for its backoff");
        clock.advance(PAST_ANY_BACKOFF);
        worker.runDueJobs();
        clock.advance(PAST_ANY_BACKOFF);
        worker.runDueJobs();

        assertEquals("SUCCEEDED", status(id));
        assertEquals(3, createUserCalls(userName));
        assertEquals(2, audit.forRequest(UUID.fromString(id)).stream()
                .filter(e -> e.action.equals("execution.retry-scheduled")).count());
    }

    @Test
    void aRequestFailsWhenRetriesRunOut() {
        String userName = uniqueUserName("unavailable");
        String id = submitCreateUser(userName);
        approve(id);
        iam.faults().failNext("CreateUser", config.maxAttempts(),
                () -> new IamException.Unavailable("Service unavailable"));

        for (int i = 0; i < config.maxAttempts(); i++) {
            worker.runDueJobs();
            clock.advance(PAST_ANY_BACKOFF);
        }

        as("alice", "requester").get("/v1/requests/{id}", id).then()
                .body("status", equalTo("FAILED"))
                .body("failureReason", containsString("ServiceFailure"));
        assertEquals(config.maxAttempts(), createUserCalls(userName));
        assertTrue(iam.findUser(userName).isEmpty());
    }

    @Test
    void aRefusalFromIamFailsTheRequestAtOnce() {
        String userName = uniqueUserName("denied");
        String id = submitCreateUser(userName);
        approve(id);
        iam.faults().failNext("CreateUser", 1, () -> new IamException.AccessDenied("not authorized"));

        worker.runDueJobs();

        as("alice", "requester").get("/v1/requests/{id}", id).then()
                .body("status", equalTo("FAILED"))
                .body("failureReason", equalTo("IAM AccessDenied: the broker role may not do this; the service "
                        + "log has IAM's message"));
    }

    @Test
    void aUserCreatedOutsideTheServiceBeforeExecutionFailsTheRequestWithoutTouchingIt() {
        String userName = uniqueUserName("sniped");
        String id = submitCreateUser(userName);
        approve(id);
        iam.createUser(new NewUser(userName, "/iam-steward/", "arn:aws:iam::000000000000:policy/other", Map.of()),
                new Attribution(UUID.randomUUID(), "someone-else", List.of()));

        worker.runDueJobs();

        as("alice", "requester").get("/v1/requests/{id}", id).then()
                .body("status", equalTo("FAILED"))
                .body("failureReason", containsString("IAM changed since the plan was made, so nothing was done"));
        assertEquals(1, createUserCalls(userName), "only the outside creation");
    }

    @Test
    void aUserCreatedOutsideTheServiceDuringExecutionIsNotAdopted() {
        String userName = uniqueUserName("raced");
        String id = submitCreateUser(userName);
        approve(id);
        ExecutionOrder order = claimFor(id, "racing-worker");
        iam.createUser(new NewUser(userName, "/iam-steward/", "arn:aws:iam::000000000000:policy/other", Map.of()),
                new Attribution(UUID.randomUUID(), "someone-else", List.of()));

        ExecutionFailure refused = org.junit.jupiter.api.Assertions.assertThrows(ExecutionFailure.class,
                () -> executor.runStep(order, 0));

        assertTrue(refused.getMessage().contains("that this request did not create"), refused.getMessage());
        assertEquals(1, createUserCalls(userName), "only the outside creation");
    }

    /** Claims the request's job as a worker does, checking its plan before the first step. */
    private ExecutionOrder claimFor(String requestId, String workerId) {
        Optional<ExecutionOrder> order = queue.claimNext(workerId);
        assertTrue(order.isPresent());
        assertEquals(requestId, order.get().attribution().requestId().toString());
        assertTrue(planner.drift(order.get().requestId()).isEmpty());
        assertTrue(queue.planChecked(order.get(), workerId));
        return order.get();
    }

    private long createUserCalls(String userName) {
        return iam.calls().stream().filter(c -> c.operation().equals("CreateUser") && userName.equals(c.userName()))
                .count();
    }

    private static String status(String id) {
        return QuarkusTransaction.requiringNew().call(() -> dev.iamsteward.request.AccessRequest
                .<dev.iamsteward.request.AccessRequest>findById(UUID.fromString(id)).status.name());
    }
}
