package dev.iamsteward.rotation;

import static dev.iamsteward.support.Tokens.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamsteward.iam.AccessKey;
import dev.iamsteward.iam.memory.IamCall;
import dev.iamsteward.request.AccessRequest;
import dev.iamsteward.request.RequestType;
import dev.iamsteward.support.Flows;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Usage-aware rotation, driven step by step by the test clock, against the in-memory IAM. */
@QuarkusTest
class RotationTest extends RotationFixture {

    @Test
    void anOldKeyStillInUseStaysActiveUntilItsToolMovesToTheNewKey() {
        String user = Flows.managedUser(worker, "rot", "alice");
        String old = iam.createAccessKey(user, OUTSIDE).key().accessKeyId();
        clock.advance(Duration.ofDays(91));

        KeyRotation rotation = sweepAndRun(user);
        assertEquals(RotationStatus.CREATING, rotation.status);
        assertEquals(old, rotation.oldKeyId);
        rotation = sweepAndRun(user);
        assertEquals(RotationStatus.WAITING, rotation.status);
        String newKey = rotation.newKeyId;
        assertEquals(2, iam.listAccessKeys(user).size());
        as("erin", "auditor").get("/v1/users/{user}", user).then().statusCode(200)
                .body("accessKeys.find { it.accessKeyId == '" + old + "' }.rotation.status", equalTo("WAITING"))
                .body("accessKeys.find { it.accessKeyId == '" + old + "' }.rotation.newKeyId", equalTo(newKey))
                .body("accessKeys.find { it.accessKeyId == '" + newKey + "' }.rotation", nullValue());

        clock.advance(Duration.ofDays(8));
        iam.recordKeyUse(old, clock.instant(), "s3", "us-east-1");
        rotation = sweepAndRun(user);
        assertEquals(RotationStatus.WAITING, rotation.status, "grace is over but the old key is in use");
        assertTrue(rotation.note.contains("in-use window"), rotation.note);
        assertEquals(AccessKey.Status.ACTIVE, status(user, old));

        clock.advance(Duration.ofDays(2));
        iam.recordKeyUse(newKey, clock.instant(), "s3", "us-east-1");
        assertEquals(RotationStatus.DEACTIVATING, sweepAndRun(user).status);
        assertEquals(AccessKey.Status.INACTIVE, status(user, old));
        assertEquals(RotationStatus.DEACTIVATED, sweepAndRun(user).status);

        clock.advance(Duration.ofDays(8));
        assertEquals(RotationStatus.DELETING, sweepAndRun(user).status);
        assertEquals(RotationStatus.DONE, sweepAndRun(user).status);
        assertEquals(List.of(newKey), iam.listAccessKeys(user).stream().map(AccessKey::accessKeyId).toList());
        as("erin", "auditor").get("/v1/rotations?userName=" + user).then().statusCode(200)
                .body("items[0].status", equalTo("DONE")).body("items[0].newKeyId", equalTo(newKey));
    }

    @Test
    void theSweepListsADueUsersKeysOnceAndTakesTheOwnerFromTheServicesRecords() {
        String user = Flows.managedUser(worker, "count", "alice");
        iam.createAccessKey(user, OUTSIDE);
        iam.createAccessKey(user, OUTSIDE);
        clock.advance(Duration.ofDays(91));
        account.reset();
        int mark = iam.calls().size();

        sweep.sweep();

        List<String> calls = iam.calls().subList(mark, iam.calls().size()).stream()
                .filter(c -> user.equals(c.userName())).map(IamCall::operation).toList();
        assertEquals(1, calls.stream().filter("ListAccessKeys"::equals).count(), "two due keys, one listing: " + calls);
        assertEquals(0, calls.stream().filter("GetUser"::equals).count(), "the owner is known: " + calls);
        KeyRotation rotation = QuarkusTransaction.requiringNew().call(() -> KeyRotation.<KeyRotation>find("userName",
                user).firstResult());
        assertEquals("alice", rotation.owner);
    }

    @Test
    void aDeactivatedOldKeyCanBeReactivatedAsARollback() {
        String user = Flows.managedUser(worker, "back", "alice");
        String old = iam.createAccessKey(user, OUTSIDE).key().accessKeyId();
        clock.advance(Duration.ofDays(91));
        sweepAndRun(user);
        sweepAndRun(user);
        clock.advance(Duration.ofDays(8));
        assertEquals(RotationStatus.DEACTIVATING, sweepAndRun(user).status, "grace over, old key unused");
        KeyRotation rotation = sweepAndRun(user);
        assertEquals(RotationStatus.DEACTIVATED, rotation.status);

        String requestId = as("dave", "admin").post("/v1/rotations/{id}/rollback", rotation.id).then()
                .statusCode(202).body("type", equalTo("REACTIVATE_ACCESS_KEY")).body("accessKeyId", equalTo(old))
                .extract().path("id");
        Flows.approveAndRun(worker, requestId);

        assertEquals(AccessKey.Status.ACTIVE, status(user, old));
        clock.advance(Duration.ofDays(8));
        assertEquals(RotationStatus.ROLLED_BACK, sweepAndRun(user).status, "the sweep leaves it alone");
        assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(() -> KeyRotation.count("userName", user)),
                "the old key is due and active again, but the sweep does not start it again by itself");
        assertEquals(2, iam.listAccessKeys(user).size(), "nothing deleted");
        as("dave", "admin").post("/v1/rotations/{id}/rollback", rotation.id).then().statusCode(409);
    }

    @Test
    void twoActiveKeysBlockAndAnInactiveSecondKeyIsDeletedToMakeRoom() {
        String user = Flows.managedUser(worker, "two", "alice");
        String old = iam.createAccessKey(user, OUTSIDE).key().accessKeyId();
        clock.advance(Duration.ofDays(30));
        String other = iam.createAccessKey(user, OUTSIDE).key().accessKeyId();
        clock.advance(Duration.ofDays(61));

        KeyRotation rotation = sweepAndRun(user);
        assertEquals(RotationStatus.BLOCKED, rotation.status);
        assertTrue(rotation.note.contains(other), rotation.note);

        iam.updateAccessKey(user, other, AccessKey.Status.INACTIVE, OUTSIDE);
        assertEquals(RotationStatus.CLEARING, sweepAndRun(user).status);
        assertEquals(List.of(old), iam.listAccessKeys(user).stream().map(AccessKey::accessKeyId).toList());
        assertEquals(RotationStatus.CREATING, sweepAndRun(user).status);
        assertEquals(RotationStatus.WAITING, sweepAndRun(user).status);
        assertEquals(2, iam.listAccessKeys(user).size());
    }

    /**
     * The clustered scheduler fires the sweep on one replica at a time; sweeps that overlap anyway (an operator's
     * run, a replica whose clock is off) still start one rotation per key and file each step once.
     */
    @Test
    void overlappingSweepsStartTheRotationOnceAndFileEachStepOnce() throws Exception {
        String user = Flows.managedUser(worker, "race", "alice");
        String old = iam.createAccessKey(user, OUTSIDE).key().accessKeyId();
        clock.advance(Duration.ofDays(91));
        account.reset();
        inParallel(() -> sweep.sweep(), () -> sweep.sweep());

        assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(() -> KeyRotation.count("userName", user)));
        assertEquals(1L, requests(user, RequestType.CREATE_ACCESS_KEY));

        Flows.drain(worker);
        assertEquals(RotationStatus.WAITING, sweepAndRun(user).status);
        clock.advance(Duration.ofDays(8));
        account.reset();
        inParallel(() -> sweep.sweep(), () -> sweep.sweep());
        assertEquals(1L, requests(user, RequestType.DEACTIVATE_ACCESS_KEY), "the row lock lets one sweep file it");
        Flows.drain(worker);
        assertEquals(AccessKey.Status.INACTIVE, status(user, old));
    }

    private static long requests(String user, RequestType type) {
        return QuarkusTransaction.requiringNew().call(() -> AccessRequest.count("userName = ?1 and type = ?2", user,
                type));
    }

    /** Runs both at once, released together, and waits for both. */
    private static void inParallel(Callable<Object> one, Callable<Object> other) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        try {
            List<Future<Object>> runs = List.of(one, other).stream().map(task -> replicas.submit(() -> {
                go.await();
                return task.call();
            })).toList();
            go.countDown();
            for (Future<Object> run : runs) {
                run.get();
            }
        } finally {
            replicas.shutdown();
        }
    }

    /** One sweep on a fresh report, then the jobs it queued; returns the user's rotation as the database has it. */
    private KeyRotation sweepAndRun(String user) {
        account.reset();
        sweep.sweep();
        Flows.drain(worker);
        return QuarkusTransaction.requiringNew().call(() -> KeyRotation.<KeyRotation>find("userName", user)
                .firstResult());
    }

    private AccessKey.Status status(String user, String keyId) {
        return iam.listAccessKeys(user).stream().filter(k -> k.accessKeyId().equals(keyId)).findFirst()
                .orElseThrow().status();
    }
}
