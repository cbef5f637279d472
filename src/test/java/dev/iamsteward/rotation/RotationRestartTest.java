package dev.iamsteward.rotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamsteward.execution.ExecutionConfig;
import dev.iamsteward.execution.ExecutionOrder;
import dev.iamsteward.execution.JobQueue;
import dev.iamsteward.execution.JobWorker;
import dev.iamsteward.execution.RequestExecutor;
import dev.iamsteward.iam.AccessKey;
import dev.iamsteward.iam.Attribution;
import dev.iamsteward.iam.memory.InMemoryIamAccount;
import dev.iamsteward.iam.memory.InMemoryIamDirectory;
import dev.iamsteward.request.AccessRequest;
import dev.iamsteward.request.RequestPlanner;
import dev.iamsteward.request.RequestStatus;
import dev.iamsteward.request.RequestType;
import dev.iamsteward.support.Flows;
import dev.iamsteward.support.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A restart between the steps of a rotation: the state in the database is all a fresh start has, and it must
 * neither repeat a step (a second request, a second key) nor lose one.
 */
@QuarkusTest
class RotationRestartTest {

    private static final Attribution OUTSIDE = new Attribution(UUID.randomUUID(), "tool-owner", List.of());

    @Inject
    RotationSweep sweep;

    @Inject
    RotationSteps steps;

    @Inject
    RotationPolicies policies;

    @Inject
    InMemoryIamDirectory iam;

    @Inject
    InMemoryIamAccount account;

    @Inject
    JobWorker worker;

    @Inject
    JobQueue queue;

    @Inject
    RequestExecutor executor;

    @Inject
    RequestPlanner planner;

    @Inject
    ExecutionConfig execution;

    @Inject
    TestClock clock;

    @Test
    void aRotationCutShortAtEachStepCompletesOnceAfterTheRestart() {
        Flows.drain(worker);
        String user = Flows.managedUser(worker, "restart", "alice");
        AccessKey old = iam.createAccessKey(user, OUTSIDE).key();
        clock.advance(Duration.ofDays(91));

        // The process dies after the sweep filed the new key's request, before that transaction committed.
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            steps.start("default", user, old, iam.listAccessKeys(user), policies.named(RotationPolicy.DEFAULT), null,
                    null);
            throw new IllegalStateException("the process died");
        }));
        assertEquals(0, rotations(user));
        assertEquals(0, requests(user, RequestType.CREATE_ACCESS_KEY));

        // After the restart a sweep files it, once; a worker claims its job and dies before calling IAM.
        sweepNow();
        KeyRotation rotation = rotation(user);
        assertEquals(RotationStatus.CREATING, rotation.status);
        claimAsDyingWorker(rotation.stepRequestId);
        sweepNow();
        assertEquals(RotationStatus.CREATING, rotation(user).status, "the step's request is still running");
        assertEquals(1, requests(user, RequestType.CREATE_ACCESS_KEY));

        // The lease runs out after the restart; the job is resumed and makes one key.
        clock.advance(execution.lease().plusSeconds(1));
        Flows.drain(worker);
        assertEquals(RotationStatus.WAITING, sweepAndRun(user).status);
        assertEquals(2, iam.listAccessKeys(user).size());
        assertEquals(1, calls("CreateAccessKey", user));

        // The deactivation's worker dies after IAM made the key inactive, before recording it.
        clock.advance(Duration.ofDays(8));
        rotation = sweepNow(user);
        assertEquals(RotationStatus.DEACTIVATING, rotation.status);
        ExecutionOrder order = claimAsDyingWorker(rotation.stepRequestId);
        assertTrue(planner.drift(rotation.stepRequestId).isEmpty());
        assertTrue(queue.planChecked(order, "worker-that-dies"));
        executor.runStep(order, 0);
        sweepNow();
        assertEquals(RotationStatus.DEACTIVATING, rotation(user).status);

        clock.advance(execution.lease().plusSeconds(1));
        Flows.drain(worker);
        assertEquals(RotationStatus.DEACTIVATED, sweepAndRun(user).status);
        clock.advance(Duration.ofDays(8));
        assertEquals(RotationStatus.DELETING, sweepAndRun(user).status);
        assertEquals(RotationStatus.DONE, sweepAndRun(user).status);

        assertEquals(1, rotations(user));
        assertEquals(List.of(rotation.newKeyId), iam.listAccessKeys(user).stream().map(AccessKey::accessKeyId)
                .toList());
        for (RequestType step : List.of(RequestType.CREATE_ACCESS_KEY, RequestType.DEACTIVATE_ACCESS_KEY,
                RequestType.DELETE_ACCESS_KEY)) {
            assertEquals(1, requests(user, step), step + " filed once");
            assertEquals(1, succeeded(user, step), step + " succeeded");
        }
        assertEquals(1, calls("CreateAccessKey", user));
    }

    /** Claims jobs as a worker that then dies, until it holds the request's; any others are resumed later. */
    private ExecutionOrder claimAsDyingWorker(UUID requestId) {
        while (true) {
            ExecutionOrder order = queue.claimNext("worker-that-dies").orElseThrow();
            if (order.attribution().requestId().equals(requestId)) {
                return order;
            }
        }
    }

    private void sweepNow() {
        account.reset();
        sweep.sweep();
    }

    private KeyRotation sweepNow(String user) {
        sweepNow();
        return rotation(user);
    }

    private KeyRotation sweepAndRun(String user) {
        sweepNow();
        Flows.drain(worker);
        return rotation(user);
    }

    private static KeyRotation rotation(String user) {
        return QuarkusTransaction.requiringNew().call(() -> KeyRotation.<KeyRotation>find("userName", user)
                .singleResult());
    }

    private static long rotations(String user) {
        return QuarkusTransaction.requiringNew().call(() -> KeyRotation.count("userName", user));
    }

    private static long requests(String user, RequestType type) {
        return QuarkusTransaction.requiringNew().call(() -> AccessRequest.count("userName = ?1 and type = ?2",
                user, type));
    }

    private static long succeeded(String user, RequestType type) {
        return QuarkusTransaction.requiringNew().call(() -> AccessRequest.count(
                "userName = ?1 and type = ?2 and status = ?3", user, type, RequestStatus.SUCCEEDED));
    }

    /** The service's calls, not the test's own set-up as someone outside. */
    private long calls(String operation, String user) {
        return iam.calls().stream().filter(c -> c.operation().equals(operation) && user.equals(c.userName())
                && !OUTSIDE.equals(c.attribution())).count();
    }
}
