package dev.iamsteward.rotation;

import static dev.iamsteward.support.Tokens.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamsteward.iam.AccessKey;
import dev.iamsteward.support.Flows;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A rotation's new key is proven to authenticate before the rotation waits on it, and so before the old key can be
 * deactivated; against the in-memory IAM with a propagation delay.
 */
@QuarkusTest
class RotationKeyProofTest extends RotationFixture {

    @AfterEach
    void keysSpreadAtOnceAgain() {
        iam.delayKeyPropagation(0, Duration.ZERO);
    }

    @Test
    void theRotationWaitsForTheNewKeysProofAndOnlyThenDeactivatesTheOldKey() {
        String user = Flows.managedUser(worker, "rkp", "alice");
        String old = iam.createAccessKey(user, OUTSIDE).key().accessKeyId();
        clock.advance(Duration.ofDays(91));
        iam.delayKeyPropagation(1000, Duration.ZERO);

        assertEquals(RotationStatus.CREATING, sweepAndRun(user).status);
        KeyRotation rotation = sweepAndRun(user);
        assertEquals(RotationStatus.CREATING, rotation.status, "the new key is made but not proven");
        assertNull(rotation.newKeyId);
        assertNull(rotation.newKeyProvenAt);
        assertEquals(2, iam.listAccessKeys(user).size());
        assertEquals(AccessKey.Status.ACTIVE, status(user, old));
        as("erin", "auditor").get("/v1/rotations?userName=" + user).then().statusCode(200)
                .body("items[0].status", equalTo("CREATING"))
                .body("items[0].newKeyProvenAt", nullValue());

        iam.delayKeyPropagation(0, Duration.ZERO);
        clock.advance(Duration.ofMinutes(10));
        sweepAndRun(user);
        rotation = sweepAndRun(user);
        assertEquals(RotationStatus.WAITING, rotation.status);
        assertNotNull(rotation.newKeyProvenAt);
        assertEquals(6, rotation.newKeyProofChecks, "five refused in the first attempt, proven on the sixth");
        as("erin", "auditor").get("/v1/rotations?userName=" + user).then().statusCode(200)
                .body("items[0].newKeyId", equalTo(rotation.newKeyId))
                .body("items[0].newKeyProvenAt", notNullValue())
                .body("items[0].newKeyProofChecks", equalTo(6));

        clock.advance(Duration.ofDays(8));
        iam.recordKeyUse(rotation.newKeyId, clock.instant(), "s3", "us-east-1");
        assertEquals(RotationStatus.DEACTIVATING, sweepAndRun(user).status);
        assertEquals(AccessKey.Status.INACTIVE, status(user, old));
    }

    @Test
    void aNewKeyNeverProvenFailsTheRotationAndTheOldKeyStaysActive() {
        String user = Flows.managedUser(worker, "rkp", "alice");
        String old = iam.createAccessKey(user, OUTSIDE).key().accessKeyId();
        clock.advance(Duration.ofDays(91));
        iam.delayKeyPropagation(100_000, Duration.ZERO);

        KeyRotation rotation = sweepAndRun(user);
        for (int i = 0; i < 12 && rotation.status != RotationStatus.FAILED; i++) {
            clock.advance(Duration.ofMinutes(10));
            rotation = sweepAndRun(user);
        }

        assertEquals(RotationStatus.FAILED, rotation.status);
        assertTrue(rotation.note.contains("did not authenticate"), rotation.note);
        assertTrue(rotation.newKeyProofFailure.contains("InvalidClientTokenId"), rotation.newKeyProofFailure);
        assertNull(rotation.deactivatedAt);
        assertEquals(AccessKey.Status.ACTIVE, status(user, old));
        as("erin", "auditor").get("/v1/rotations?userName=" + user).then().statusCode(200)
                .body("items[0].status", equalTo("FAILED"))
                .body("items[0].newKeyProvenAt", nullValue())
                .body("items[0].newKeyProofFailure", containsString("did not authenticate"));
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
