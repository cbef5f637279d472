package dev.iamsteward.execution;

import static dev.iamsteward.support.Requests.submit;
import static dev.iamsteward.support.Tokens.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamsteward.iam.AccessKey;
import dev.iamsteward.iam.memory.InMemoryIamDirectory;
import dev.iamsteward.request.RequestPlanner;
import dev.iamsteward.support.Secrets;
import dev.iamsteward.support.TestClock;
import dev.iamsteward.support.Flows;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Console access and access keys through the request path, with secrets delivered once to the owner. */
@QuarkusTest
class UserLifecycleTest {

    private static final String OWNER = "olivia";

    @Inject
    JobWorker worker;

    @Inject
    InMemoryIamDirectory iam;

    @Inject
    TestClock clock;

    /** Jobs other test classes left due would otherwise be claimed first. */
    @BeforeEach
    void drainLeftoverJobs() {
        Flows.drain(worker);
    }

    @Test
    void aNewKeysSecretGoesOnceToTheOwnerAndNobodyElse() {
        String user = managedUser();
        String id = run(submit("CREATE_ACCESS_KEY", user, Map.of()));

        var view = as("alice", "requester").get("/v1/requests/{id}", id).then()
                .body("status", equalTo("SUCCEEDED"))
                .body("secrets", hasSize(1))
                .body("secrets[0].kind", equalTo("ACCESS_KEY_SECRET"))
                .body("secrets[0].recipient", equalTo(OWNER))
                .body("secrets[0].state", equalTo("WAITING"))
                .extract();
        String delivery = view.path("secrets[0].id");
        String keyId = view.path("secrets[0].label");
        assertEquals(List.of(keyId), iam.listAccessKeys(user).stream().map(AccessKey::accessKeyId).toList());

        Secrets.retrieve("alice", delivery).statusCode(403)
                .body("type", equalTo("urn:iam-steward:problem:not-recipient"));
        String secret = Secrets.retrieve(OWNER, delivery).statusCode(200)
                .header("Cache-Control", equalTo("no-store"))
                .body("label", equalTo(keyId))
                .extract().path("secret");
        assertEquals(40, secret.length());
        Secrets.retrieve(OWNER, delivery).statusCode(410)
                .body("type", equalTo("urn:iam-steward:problem:secret-gone"));
        as(OWNER, "requester").get("/v1/requests/{id}", id).then().body("secrets[0].state", equalTo("RETRIEVED"));
    }

    @Test
    void anUnreadSecretExpires() {
        String user = managedUser();
        String id = run(submit("CREATE_ACCESS_KEY", user, Map.of()));
        String delivery = as("alice", "requester").get("/v1/requests/{id}", id).then().extract()
                .path("secrets[0].id");

        clock.advance(Duration.ofHours(25));

        Secrets.retrieve(OWNER, delivery).statusCode(410);
        as(OWNER, "requester").get("/v1/requests/{id}", id).then().body("secrets[0].state", equalTo("EXPIRED"));
    }

    @Test
    void aThirdKeyIsRefusedBeforeIamIsAsked() {
        String user = managedUser();
        run(submit("CREATE_ACCESS_KEY", user, Map.of()));
        run(submit("CREATE_ACCESS_KEY", user, Map.of()));
        long creates = calls("CreateAccessKey", user);

        as("alice", "requester").contentType(ContentType.JSON)
                .body(Map.of("type", "CREATE_ACCESS_KEY", "userName", user, "reason", "third"))
                .post("/v1/requests").then().statusCode(409)
                .body("type", equalTo("urn:iam-steward:problem:quota-exceeded"));
        assertEquals(creates, calls("CreateAccessKey", user));
        assertEquals(2, iam.listAccessKeys(user).size());
    }

    @Test
    void keysAreDeactivatedReactivatedAndDeleted() {
        String user = managedUser();
        run(submit("CREATE_ACCESS_KEY", user, Map.of()));
        String key = iam.listAccessKeys(user).get(0).accessKeyId();

        run(submit("DEACTIVATE_ACCESS_KEY", user, Map.of("accessKeyId", key)));
        assertEquals(AccessKey.Status.INACTIVE, iam.listAccessKeys(user).get(0).status());
        as("alice", "requester").contentType(ContentType.JSON)
                .body(Map.of("type", "DEACTIVATE_ACCESS_KEY", "userName", user, "accessKeyId", key, "reason", "x"))
                .post("/v1/requests").then().statusCode(409)
                .body("type", equalTo("urn:iam-steward:problem:state-conflict"));

        run(submit("REACTIVATE_ACCESS_KEY", user, Map.of("accessKeyId", key)));
        assertEquals(AccessKey.Status.ACTIVE, iam.listAccessKeys(user).get(0).status());

        run(submit("DELETE_ACCESS_KEY", user, Map.of("accessKeyId", key)));
        assertTrue(iam.listAccessKeys(user).isEmpty());
        as("alice", "requester").contentType(ContentType.JSON)
                .body(Map.of("type", "DELETE_ACCESS_KEY", "userName", user, "accessKeyId", key, "reason", "x"))
                .post("/v1/requests").then().statusCode(404);
    }

    @Test
    void consoleAccessIsGrantedWithAOneTimePasswordAndRevoked() {
        String user = managedUser();
        String id = run(submit("GRANT_CONSOLE_ACCESS", user, Map.of()));

        as("alice", "requester").get("/v1/requests/{id}", id).then()
                .body("status", equalTo("SUCCEEDED"))
                .body("plan.action", equalTo(List.of("iam:CreateLoginProfile", "iam:AttachUserPolicy")))
                .body("secrets[0].kind", equalTo("CONSOLE_PASSWORD"));
        assertTrue(iam.findLoginProfile(user).orElseThrow().passwordResetRequired());
        assertTrue(iam.listAttachedUserPolicies(user).contains(RequestPlanner.CHANGE_PASSWORD_POLICY));
        String delivery = as("alice", "requester").get("/v1/requests/{id}", id).then().extract()
                .path("secrets[0].id");
        String password = Secrets.retrieve(OWNER, delivery).statusCode(200).extract().path("secret");
        assertTrue(password.length() >= 20);

        as("alice", "requester").contentType(ContentType.JSON)
                .body(Map.of("type", "GRANT_CONSOLE_ACCESS", "userName", user, "reason", "again"))
                .post("/v1/requests").then().statusCode(409);

        run(submit("REVOKE_CONSOLE_ACCESS", user, Map.of()));
        assertTrue(iam.findLoginProfile(user).isEmpty());
    }

    @Test
    void requestsAboutUnknownOrUnmanagedUsersOrWithFieldsOfOtherTypesAreRefused() {
        as("alice", "requester").contentType(ContentType.JSON)
                .body(Map.of("type", "CREATE_ACCESS_KEY", "userName", "nobody-at-all", "reason", "x"))
                .post("/v1/requests").then().statusCode(404);
        as("alice", "requester").contentType(ContentType.JSON)
                .body(Map.of("type", "CREATE_ACCESS_KEY", "userName", managedUser(), "reason", "x",
                        "path", "/iam-steward/"))
                .post("/v1/requests").then().statusCode(400);
        as("alice", "requester").contentType(ContentType.JSON)
                .body(Map.of("type", "DELETE_ACCESS_KEY", "userName", managedUser(), "reason", "x"))
                .post("/v1/requests").then().statusCode(400);
    }

    @Test
    void theUserViewListsOnlyTheRequestsTheCallerMaySee() {
        String user = managedUser();

        as("mallory", "requester").get("/v1/users/{name}", user).then().statusCode(200)
                .body("requests", hasSize(0));
        as(OWNER, "requester").get("/v1/users/{name}", user).then().body("requests", hasSize(1));
        as("erin", "auditor").get("/v1/users/{name}", user).then().body("requests", hasSize(1));
    }

    /** A user created through the service, owned by {@link #OWNER}. */
    private String managedUser() {
        return Flows.managedUser(worker, "life", OWNER);
    }

    /** Approves and executes a request; returns its id. */
    private String run(String id) {
        return Flows.approveAndRun(worker, id);
    }

    private long calls(String operation, String user) {
        return iam.calls().stream().filter(c -> c.operation().equals(operation) && user.equals(c.userName())).count();
    }
}
