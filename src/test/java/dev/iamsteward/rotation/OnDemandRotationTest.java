package dev.iamsteward.rotation;

import static dev.iamsteward.support.Tokens.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.iamsteward.iam.AccessKey;
import dev.iamsteward.support.Flows;
import dev.iamsteward.support.Requests;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * ROTATE_ACCESS_KEY: a request like any other that starts a key's rotation at once, whatever its age, unless a
 * rotation of the key is under way.
 */
@QuarkusTest
class OnDemandRotationTest extends RotationFixture {

    @Test
    void aYoungKeyIsRotatedOnRequestAndCannotBeOrderedTwice() {
        String user = Flows.managedUser(worker, "ondemand", "alice");
        String key = iam.createAccessKey(user, OUTSIDE).key().accessKeyId();

        String requestId = Requests.submit("ROTATE_ACCESS_KEY", user, Map.of("accessKeyId", key));
        as("alice", "requester").get("/v1/requests/{id}", requestId).then().statusCode(200)
                .body("type", equalTo("ROTATE_ACCESS_KEY")).body("status", equalTo("PENDING_APPROVAL"))
                .body("plan[0].action", equalTo("steward:StartKeyRotation"))
                .body("plan[0].parameters.AccessKeyId", equalTo(key));
        Flows.approveAndRun(worker, requestId);
        Flows.drain(worker);
        as("alice", "requester").get("/v1/requests/{id}", requestId).then().statusCode(200)
                .body("status", equalTo("SUCCEEDED"));

        KeyRotation rotation = rotation(user);
        assertEquals(key, rotation.oldKeyId);
        assertEquals(UUID.fromString(requestId), rotation.orderedBy);
        assertEquals(RotationPolicy.DEFAULT, rotation.policy);
        account.reset();
        sweep.sweep();
        rotation = rotation(user);
        assertEquals(RotationStatus.WAITING, rotation.status, "the same steps as the sweep's rotations");
        assertNotNull(rotation.newKeyId);
        assertEquals(2, iam.listAccessKeys(user).size());
        as("erin", "auditor").get("/v1/rotations?userName=" + user).then().statusCode(200)
                .body("items[0].orderedBy", equalTo(requestId));

        submit(user, key).statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:iam-steward:problem:already-rotating"))
                .body("detail", containsString("already being rotated"));
    }

    @Inject
    RotationSweepTrigger trigger;

    @Test
    void withAutomaticRotationOffTheScheduleStillMovesAnOrderedRotationOn() {
        String user = Flows.managedUser(worker, "ordered-off", "alice");
        String key = iam.createAccessKey(user, OUTSIDE).key().accessKeyId();
        String requestId = Requests.submit("ROTATE_ACCESS_KEY", user, Map.of("accessKeyId", key));
        Flows.approveAndRun(worker, requestId);
        Flows.drain(worker);
        assertEquals(RotationStatus.CREATING, rotation(user).status);

        trigger.sweep();

        assertEquals(RotationStatus.WAITING, rotation(user).status, "steward.rotation.enabled is false here");
        assertEquals(2, iam.listAccessKeys(user).size(), "the old key and the new one");
    }

    /**
     * Only a rotation under way holds a key: once one is rolled back and the key reactivated, the key can be
     * ordered rotated again, and that rotation holds it in turn.
     */
    @Test
    void aKeyWhoseRotationWasRolledBackCanBeRotatedAgain() {
        String user = Flows.managedUser(worker, "ondemand-again", "alice");
        String key = iam.createAccessKey(user, OUTSIDE).key().accessKeyId();
        String first = Flows.approveAndRun(worker, Requests.submit("ROTATE_ACCESS_KEY", user,
                Map.of("accessKeyId", key)));
        Flows.drain(worker);
        assertEquals(RotationStatus.WAITING, sweepAndRun(user).status);
        clock.advance(Duration.ofDays(8));
        assertEquals(RotationStatus.DEACTIVATING, sweepAndRun(user).status);
        KeyRotation rotation = sweepAndRun(user);
        assertEquals(RotationStatus.DEACTIVATED, rotation.status);
        submit(user, key).statusCode(422).body("type", equalTo("urn:iam-steward:problem:already-rotating"))
                .body("detail", containsString("already being rotated"));

        String reactivation = as("dave", "admin").post("/v1/rotations/{id}/rollback", rotation.id).then()
                .statusCode(202).extract().path("id");
        submit(user, key).statusCode(422).body("type", equalTo("urn:iam-steward:problem:already-rotating"))
                .body("detail", containsString("being reactivated by request " + reactivation));
        Flows.approveAndRun(worker, reactivation);
        assertEquals(AccessKey.Status.ACTIVE, iam.listAccessKeys(user).stream()
                .filter(k -> k.accessKeyId().equals(key)).findFirst().orElseThrow().status());
        // The tool went back to the old key; its owner deletes the new one, which leaves room for another.
        iam.deleteAccessKey(user, rotation.newKeyId, OUTSIDE);

        String again = Requests.submit("ROTATE_ACCESS_KEY", user, Map.of("accessKeyId", key));
        Flows.approveAndRun(worker, again);
        Flows.drain(worker);
        as("alice", "requester").get("/v1/requests/{id}", again).then().statusCode(200)
                .body("status", equalTo("SUCCEEDED"));
        assertEquals(RotationStatus.WAITING, sweepAndRun(user).status, "the new rotation made a new key");
        as("erin", "auditor").get("/v1/rotations?accessKeyId=" + key).then().statusCode(200)
                .body("items.size()", equalTo(2))
                .body("items[0].orderedBy", equalTo(again)).body("items[0].status", equalTo("WAITING"))
                .body("items[1].orderedBy", equalTo(first)).body("items[1].status", equalTo("ROLLED_BACK"));
        as("erin", "auditor").get("/v1/users/{user}", user).then().statusCode(200)
                .body("accessKeys.find { it.accessKeyId == '" + key + "' }.rotation.orderedBy", equalTo(again));
        submit(user, key).statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:iam-steward:problem:already-rotating"))
                .body("detail", containsString("already being rotated"));
    }

    @Test
    void anUnknownKeyIsRefused() {
        String user = Flows.managedUser(worker, "ondemand-none", "alice");
        submit(user, "ABCDEFGHIJKLMNOP0123").statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:iam-steward:problem:unknown-access-key"));
    }

    private static io.restassured.response.ValidatableResponse submit(String user, String key) {
        return as("alice", "requester").contentType(ContentType.JSON).body(Map.of("type", "ROTATE_ACCESS_KEY",
                "userName", user, "accessKeyId", key, "reason", "the key leaked into a build log")).post("/v1/requests")
                .then();
    }

    /** One sweep on a fresh report, then the jobs it queued; returns the user's latest rotation. */
    private KeyRotation sweepAndRun(String user) {
        account.reset();
        sweep.sweep();
        Flows.drain(worker);
        return QuarkusTransaction.requiringNew().call(() -> KeyRotation.<KeyRotation>find(
                "userName = ?1 order by startedAt desc, id desc", user).firstResult());
    }

    private static KeyRotation rotation(String user) {
        return QuarkusTransaction.requiringNew().call(() -> KeyRotation.<KeyRotation>find("userName", user)
                .firstResult());
    }
}
