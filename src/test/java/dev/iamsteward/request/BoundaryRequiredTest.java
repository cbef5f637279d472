package dev.iamsteward.request;

import static dev.iamsteward.support.Requests.submit;
import static dev.iamsteward.support.Tokens.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamsteward.execution.JobWorker;
import dev.iamsteward.iam.Attribution;
import dev.iamsteward.iam.NewUser;
import dev.iamsteward.iam.memory.InMemoryIamDirectory;
import dev.iamsteward.support.Flows;
import dev.iamsteward.support.Requests;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Keys, console access and MFA go only to users under the configured permissions boundary: IAM has no boundary
 * condition key for those actions, so the service refuses them for a user placed under the managed path without
 * it, at submission and again before executing. Checked against the in-memory IAM (moto keeps no user boundary).
 */
@QuarkusTest
class BoundaryRequiredTest {

    private static final Attribution OUTSIDE = new Attribution(UUID.randomUUID(), "console-admin", List.of());

    @Inject
    JobWorker worker;

    @Inject
    InMemoryIamDirectory iam;

    @BeforeEach
    void drainLeftoverJobs() {
        Flows.drain(worker);
    }

    @ParameterizedTest
    @ValueSource(strings = {"CREATE_ACCESS_KEY", "GRANT_CONSOLE_ACCESS", "ENROL_MFA"})
    void aUserPlacedUnderThePathWithoutTheBoundaryGetsNoCredentials(String type) {
        String user = Requests.uniqueUserName("unbounded");
        iam.createUser(new NewUser(user, "/iam-steward/", null,
                Map.of(RequestPlanner.OWNER_TAG, "alice")), OUTSIDE);

        as("alice", "requester").contentType(ContentType.JSON)
                .body(Map.of("type", type, "userName", user, "reason", "tooling"))
                .post("/v1/requests").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:iam-steward:problem:boundary-missing"))
                .body("detail", containsString("has no permissions boundary"));
        assertEquals(List.of(), iam.listAccessKeys(user));
        assertTrue(iam.findUser(user).orElseThrow().permissionsBoundaryArn() == null);
    }

    @Test
    void aBoundaryRemovedAfterApprovalStopsTheRequestBeforeItActs() {
        String user = Flows.managedUser(worker, "lostbound", "alice");
        String id = submit("CREATE_ACCESS_KEY", user, Map.of());
        iam.deleteUserPermissionsBoundary(user, OUTSIDE);

        Flows.approveAndRun(worker, id);
        as("erin", "auditor").get("/v1/requests/{id}", id).then().body("status", equalTo("FAILED"))
                .body("failureReason", containsString("no permissions boundary"));
        assertEquals(List.of(), iam.listAccessKeys(user));
    }

    @Test
    void aUserWithTheBoundaryStillGetsAKey() {
        String user = Flows.managedUser(worker, "bounded", "alice");
        Flows.approveAndRun(worker, submit("CREATE_ACCESS_KEY", user, Map.of()));
        assertEquals(1, iam.listAccessKeys(user).size());
    }
}
