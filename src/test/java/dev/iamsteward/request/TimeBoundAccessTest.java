package dev.iamsteward.request;

import static dev.iamsteward.support.Requests.submit;
import static dev.iamsteward.support.Tokens.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamsteward.audit.AuditLog;
import dev.iamsteward.execution.JobWorker;
import dev.iamsteward.iam.Attribution;
import dev.iamsteward.iam.memory.InMemoryIamDirectory;
import dev.iamsteward.support.Flows;
import dev.iamsteward.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A user or key given until a time loses it then, through a request the service files, approves and audits. */
@QuarkusTest
class TimeBoundAccessTest {

    @Inject
    JobWorker worker;

    @Inject
    RequestSweeps sweeps;

    @Inject
    InMemoryIamDirectory iam;

    @Inject
    AuditLog audit;

    @Inject
    TestClock clock;

    @BeforeEach
    void drainLeftoverJobs() {
        Flows.drain(worker);
        sweeps.endTimeBoundAccess();
    }

    @Test
    void aUserIsOffboardedWhenItsTimeIsUp() {
        String user = dev.iamsteward.support.Requests.uniqueUserName("temporary");
        String created = Flows.approveAndRun(worker, submit("CREATE_USER", user,
                Map.of("expiresAt", clock.instant().plus(Duration.ofHours(1)).toString())));
        assertEquals(0, sweeps.endTimeBoundAccess(), "nothing is due before its time");

        clock.advance(Duration.ofHours(2));
        assertTrue(sweeps.endTimeBoundAccess() >= 1);
        assertEquals(0, sweeps.endTimeBoundAccess(), "a second sweep files nothing more");

        String offboard = as("erin", "auditor").get("/v1/requests/{id}", created).then()
                .extract().path("expiryRequestId");
        as("erin", "auditor").get("/v1/requests/{id}", offboard).then()
                .body("type", equalTo("OFFBOARD_USER")).body("status", equalTo("APPROVED"))
                .body("requester", equalTo("system:iam-steward"))
                .body("approval.rule", equalTo("time-bound-expiry"))
                .body("owner", equalTo("alice"));
        Flows.drain(worker);
        as("erin", "auditor").get("/v1/requests/{id}", offboard).then().body("status", equalTo("SUCCEEDED"));
        assertTrue(iam.findUser(user).isEmpty());
        assertEquals("access.expired", lastAction(created));
    }

    @Test
    void aKeyIsDeletedWhenItsTimeIsUp() {
        String user = Flows.managedUser(worker, "keyholder", "alice");
        String created = Flows.approveAndRun(worker, submit("CREATE_ACCESS_KEY", user,
                Map.of("expiresAt", clock.instant().plus(Duration.ofHours(1)).toString())));
        String key = iam.listAccessKeys(user).get(0).accessKeyId();

        clock.advance(Duration.ofHours(2));
        assertTrue(sweeps.endTimeBoundAccess() >= 1);
        Flows.drain(worker);

        String delete = as("erin", "auditor").get("/v1/requests/{id}", created).then()
                .extract().path("expiryRequestId");
        as("erin", "auditor").get("/v1/requests/{id}", delete).then()
                .body("type", equalTo("DELETE_ACCESS_KEY")).body("accessKeyId", equalTo(key))
                .body("status", equalTo("SUCCEEDED"));
        assertEquals(List.of(), iam.listAccessKeys(user));
    }

    @Test
    void accessAlreadyGoneIsRecordedAndNotRetried() {
        String user = dev.iamsteward.support.Requests.uniqueUserName("gone");
        String created = Flows.approveAndRun(worker, submit("CREATE_USER", user,
                Map.of("expiresAt", clock.instant().plus(Duration.ofHours(1)).toString())));
        iam.deleteUser(user, new Attribution(UUID.randomUUID(), "someone", List.of()));

        clock.advance(Duration.ofHours(2));
        sweeps.endTimeBoundAccess();
        assertEquals("access.expiry-skipped", lastAction(created));
        assertEquals(0, sweeps.endTimeBoundAccess());
    }

    @Test
    void anExpiryGivenToTheNanosecondSurvivesStorage() {
        String user = dev.iamsteward.support.Requests.uniqueUserName("precise");
        String created = Flows.approveAndRun(worker, submit("CREATE_USER", user,
                Map.of("expiresAt", "2099-01-01T00:00:00.123456789Z")));
        as("erin", "auditor").get("/v1/requests/{id}", created).then().body("status", equalTo("SUCCEEDED"))
                .body("expiresAt", equalTo("2099-01-01T00:00:00.123456Z"));
    }

    @Test
    void expiresAtAppliesOnlyToUsersAndKeys() {
        String user = Flows.managedUser(worker, "nottimed", "alice");
        as("alice", "requester").contentType(io.restassured.http.ContentType.JSON)
                .body(Map.of("type", "GRANT_CONSOLE_ACCESS", "userName", user, "reason", "r",
                        "expiresAt", clock.instant().plus(Duration.ofHours(1)).toString()))
                .post("/v1/requests").then().statusCode(400)
                .body("detail", equalTo("expiresAt applies only to CREATE_USER, CREATE_ACCESS_KEY and "
                        + "ALLOW_ROOT_PASSWORD_RECOVERY"));
    }

    private String lastAction(String requestId) {
        List<dev.iamsteward.audit.AuditEvent> events = audit.forRequest(UUID.fromString(requestId));
        return events.get(events.size() - 1).action;
    }
}
