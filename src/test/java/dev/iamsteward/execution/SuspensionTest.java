package dev.iamsteward.execution;

import static dev.iamsteward.support.Requests.approve;
import static dev.iamsteward.support.Requests.submit;
import static dev.iamsteward.support.Requests.uniqueUserName;
import static dev.iamsteward.support.Tokens.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamsteward.iam.AccessKey;
import dev.iamsteward.iam.Attribution;
import dev.iamsteward.iam.memory.InMemoryIamDirectory;
import dev.iamsteward.support.Flows;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Suspension takes away keys and console access and remembers them; restoring gives back exactly that. */
@QuarkusTest
class SuspensionTest {

    private static final Attribution OUTSIDE = new Attribution(UUID.randomUUID(), "someone", List.of());

    @Inject
    JobWorker worker;

    @Inject
    InMemoryIamDirectory iam;

    /** Jobs other test classes left due would otherwise be claimed first. */
    @BeforeEach
    void drainLeftoverJobs() {
        Flows.drain(worker);
    }

    @Test
    void suspendingAndRestoringGivesBackWhatWasTaken() {
        String user = managedUser();
        run(submit("CREATE_ACCESS_KEY", user, Map.of()));
        run(submit("CREATE_ACCESS_KEY", user, Map.of()));
        run(submit("GRANT_CONSOLE_ACCESS", user, Map.of()));
        String alreadyInactive = iam.listAccessKeys(user).get(1).accessKeyId();
        run(submit("DEACTIVATE_ACCESS_KEY", user, Map.of("accessKeyId", alreadyInactive)));

        run(submit("SUSPEND_USER", user, Map.of()));
        assertTrue(iam.listAccessKeys(user).stream().allMatch(k -> k.status() == AccessKey.Status.INACTIVE));
        assertTrue(iam.findLoginProfile(user).isEmpty());
        assertTrue(iam.listAttachedUserPolicies(user).contains("arn:aws:iam::aws:policy/AWSDenyAll"));
        refused(user, "SUSPEND_USER", "already suspended");
        refused(user, "REACTIVATE_ACCESS_KEY", "is suspended", Map.of("accessKeyId", alreadyInactive));
        refused(user, "GRANT_CONSOLE_ACCESS", "is suspended", Map.of());

        String restore = run(submit("RESTORE_USER", user, Map.of()));

        List<AccessKey> keys = iam.listAccessKeys(user);
        assertEquals(AccessKey.Status.ACTIVE, keys.get(0).status());
        assertEquals(AccessKey.Status.INACTIVE, keys.get(1).status(), "a key inactive before stays inactive");
        assertTrue(iam.findLoginProfile(user).orElseThrow().passwordResetRequired());
        assertTrue(!iam.listAttachedUserPolicies(user).contains("arn:aws:iam::aws:policy/AWSDenyAll"));
        as("olivia", "requester").get("/v1/requests/{id}", restore).then()
                .body("secrets[0].kind", equalTo("CONSOLE_PASSWORD"));
        refused(user, "RESTORE_USER", "is not suspended");
    }

    @Test
    void aKeyDeletedWhileSuspendedIsNotRestored() {
        String user = managedUser();
        run(submit("CREATE_ACCESS_KEY", user, Map.of()));
        run(submit("CREATE_ACCESS_KEY", user, Map.of()));
        run(submit("SUSPEND_USER", user, Map.of()));
        iam.deleteAccessKey(user, iam.listAccessKeys(user).get(0).accessKeyId(), OUTSIDE);

        String restore = run(submit("RESTORE_USER", user, Map.of()));

        as("alice", "requester").get("/v1/requests/{id}", restore).then()
                .body("plan.action", equalTo(List.of("iam:UpdateAccessKey", "iam:DetachUserPolicy")));
        assertEquals(AccessKey.Status.ACTIVE, iam.listAccessKeys(user).get(0).status());
    }

    @Test
    void aUserWithNothingActiveIsStillDeniedEverything() {
        String user = managedUser();
        String id = run(submit("SUSPEND_USER", user, Map.of()));

        as("alice", "requester").get("/v1/requests/{id}", id).then()
                .body("plan.action", equalTo(List.of("iam:AttachUserPolicy")));
        refused(user, "SUSPEND_USER", "already suspended");
    }

    @Test
    void aSuspensionOfAnEarlierUserOfTheSameNameDoesNotCount() {
        String user = managedUser();
        run(submit("SUSPEND_USER", user, Map.of()));
        run(submit("OFFBOARD_USER", user, Map.of()));
        run(submit("CREATE_USER", user, Map.of("owner", "olivia")));

        refused(user, "RESTORE_USER", "is not suspended");
        run(submit("SUSPEND_USER", user, Map.of()));
    }

    private static void refused(String user, String type, String why) {
        refused(user, type, why, Map.of());
    }

    private static void refused(String user, String type, String why, Map<String, String> extra) {
        Map<String, Object> body = new java.util.HashMap<>(extra);
        body.putAll(Map.of("type", type, "userName", user, "reason", "x"));
        as("alice", "requester").contentType(ContentType.JSON).body(body)
                .post("/v1/requests").then().statusCode(409).body("detail", containsString(why));
    }

    private String managedUser() {
        String user = uniqueUserName("suspended");
        run(submit("CREATE_USER", user, Map.of("owner", "olivia")));
        return user;
    }

    private String run(String id) {
        approve(id);
        worker.runDueJobs();
        as("alice", "requester").get("/v1/requests/{id}", id).then().body("status", equalTo("SUCCEEDED"));
        return id;
    }
}
