package dev.iamsteward.rotation;

import static dev.iamsteward.support.Tokens.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.iamsteward.execution.JobWorker;
import dev.iamsteward.iam.Attribution;
import dev.iamsteward.iam.memory.InMemoryIamAccount;
import dev.iamsteward.iam.memory.InMemoryIamDirectory;
import dev.iamsteward.support.Flows;
import dev.iamsteward.support.Requests;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ROTATE_ACCESS_KEY: a request like any other that starts a key's rotation at once, whatever its age. */
@QuarkusTest
class OnDemandRotationTest {

    private static final Attribution OUTSIDE = new Attribution(UUID.randomUUID(), "tool-owner", List.of());

    @Inject
    RotationSweep sweep;

    @Inject
    InMemoryIamDirectory iam;

    @Inject
    InMemoryIamAccount account;

    @Inject
    JobWorker worker;

    @BeforeEach
    void drain() {
        Flows.drain(worker);
    }

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

    private static KeyRotation rotation(String user) {
        return QuarkusTransaction.requiringNew().call(() -> KeyRotation.<KeyRotation>find("userName", user)
                .firstResult());
    }
}
