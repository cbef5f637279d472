package dev.iamsteward.request;

import static dev.iamsteward.support.Requests.submit;
import static dev.iamsteward.support.Requests.submitCreateUser;
import static dev.iamsteward.support.Requests.uniqueUserName;
import static dev.iamsteward.support.Tokens.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.iamsteward.audit.AuditLog;
import dev.iamsteward.execution.JobWorker;
import dev.iamsteward.support.Flows;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/** Many people acting on one request at once produce exactly one transition. */
@QuarkusTest
class ConcurrentDecisionsTest {

    private static final int THREADS = 12;

    @Inject
    AuditLog audit;

    @Inject
    JobWorker worker;

    @Test
    void racingApproversApproveOnceAndQueueOneJob() throws Exception {
        String id = submitCreateUser(uniqueUserName("raced"));

        List<Integer> statuses = race(i -> () -> as("approver-" + i, "approver").contentType(ContentType.JSON)
                .body(Map.of("decision", "APPROVE")).post("/v1/requests/{id}/approvals", id).statusCode());

        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(THREADS - 1, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        assertEquals(1, actions(id).stream().filter("request.approved"::equals).count());
        assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(() -> dev.iamsteward.execution.ExecutionJob
                .count("requestId", UUID.fromString(id))));
    }

    @Test
    void aQuorumOfTwoIsReachedOnceWhateverTheOrder() throws Exception {
        String id = submit("ADD_TO_GROUP", Flows.managedUser(worker, "racedquorum", "olivia"),
                Map.of("profile", "ops"));

        List<Integer> statuses = race(i -> () -> as("approver-" + i, "approver").contentType(ContentType.JSON)
                .body(Map.of("decision", "APPROVE")).post("/v1/requests/{id}/approvals", id).statusCode());

        assertEquals(2, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(List.of("request.submitted", "request.approval-recorded", "request.approved"), actions(id));
    }

    @Test
    void racingChangesWithTheSameVersionSucceedOnce() throws Exception {
        String id = submitCreateUser(uniqueUserName("racedpatch"));
        String etag = as("alice", "requester").get("/v1/requests/{id}", id).then().extract().header("ETag");

        List<Integer> statuses = race(i -> () -> as("alice", "requester").header("If-Match", etag)
                .contentType(ContentType.JSON).body(Map.of("reason", "reason " + i))
                .patch("/v1/requests/{id}", id).statusCode());

        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(THREADS - 1, statuses.stream().filter(s -> s == 412).count(), statuses.toString());
    }

    private List<String> actions(String id) {
        return audit.forRequest(UUID.fromString(id)).stream().map(e -> e.action).toList();
    }

    /** Runs one call per thread, all released at once, and returns their HTTP statuses. */
    private static List<Integer> race(IntFunction<Callable<Integer>> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                Callable<Integer> c = call.apply(i);
                results.add(pool.submit(() -> {
                    start.await();
                    return c.call();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : results) {
                statuses.add(f.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
