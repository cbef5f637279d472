package dev.iamsteward.posture;

import static dev.iamsteward.support.Tokens.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamsteward.account.Organization;
import dev.iamsteward.execution.JobWorker;
import dev.iamsteward.iam.GuardedOrganizationRoot;
import dev.iamsteward.iam.RootTask;
import dev.iamsteward.iam.RootUserCredentials;
import dev.iamsteward.iam.memory.InMemoryOrganization;
import dev.iamsteward.support.Flows;
import dev.iamsteward.support.Requests;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Member accounts' root users, end to end on the sandbox organization: the scan finds their credentials through
 * audit sessions, the finding files DELETE_ROOT_CREDENTIALS, which needs the high-risk quorum and is executed in
 * delete sessions attributed to the request, and the next scan resolves the finding.
 */
@QuarkusTest
class MemberRootCredentialsTest {

    private static final String MEMBER = "111111111111";
    private static final String CLEAN_MEMBER = "222222222222";
    private static final String DELETE_TASK = RootTask.DELETE_ROOT_USER_CREDENTIALS.policyArn();

    @Inject
    Organization organization;

    @Inject
    JobWorker worker;

    @BeforeEach
    void nothingLeftBehind() {
        Flows.drain(worker);
    }

    @Test
    void aMemberRootUsersCredentialsAreFoundDeletedUnderQuorumAndTheFindingCloses() {
        InMemoryOrganization sandbox = sandbox();
        sandbox.giveRootPassword(MEMBER);
        String key = sandbox.giveRootAccessKey(MEMBER);
        String mfa = sandbox.giveRootMfaDevice(MEMBER);
        String certificate = sandbox.giveRootSigningCertificate(MEMBER);

        scan();

        JsonPath found = findings("kind=MEMBER_ROOT_CREDENTIALS&status=OPEN");
        assertEquals(List.of("root:" + MEMBER), found.getList("items.subject"), "no finding for a clean member");
        assertEquals("CRITICAL", found.getString("items[0].severity"));
        assertEquals("DELETE_ROOT_CREDENTIALS", found.getString("items[0].remediation"));
        assertEquals(Map.of("password", "true", "accessKeys", "1", "mfaDevices", "1", "signingCertificates", "1",
                "memberAccount", MEMBER), found.getMap("items[0].evidence"));
        String findingId = found.getString("items[0].id");

        JsonPath request = as("dave", "admin").post("/v1/findings/{id}/remediate", findingId).then().statusCode(202)
                .body("type", equalTo("DELETE_ROOT_CREDENTIALS")).body("userName", equalTo(MEMBER))
                .body("risk", equalTo("HIGH")).body("userArn", equalTo("arn:aws:iam::" + MEMBER + ":root"))
                .extract().jsonPath();
        assertEquals(List.of("iam:DeleteLoginProfile", "iam:DeleteAccessKey", "iam:DeleteSigningCertificate",
                "iam:DeactivateMFADevice"), request.getList("plan.action"));
        assertEquals(Map.of("TargetPrincipal", MEMBER, "TaskPolicyArn", DELETE_TASK, "AccessKeyId", key),
                request.getMap("plan[1].parameters"));
        assertEquals(certificate, request.getString("plan[2].parameters.CertificateId"));
        assertEquals(mfa, request.getString("plan[3].parameters.SerialNumber"));
        assertFalse(request.getList("plan.parameters").toString().contains("UserName"), "root has no user name");
        String id = request.getString("id");

        assertEquals("PENDING_APPROVAL", Requests.approveAs("bob", id), "high risk: one approval is not enough");
        assertEquals("APPROVED", Requests.approveAs("carol", id));
        worker.runDueJobs();

        as("dave", "admin").get("/v1/requests/{id}", id).then().statusCode(200).body("status", equalTo("SUCCEEDED"));
        assertTrue(RootUserCredentials.readIn(sandbox.assumeRoot(MEMBER, RootTask.AUDIT_ROOT_USER_CREDENTIALS,
                Duration.ofMinutes(1), null)).none());
        List<InMemoryOrganization.AssumedRoot> deletions = sandbox.assumed().stream()
                .filter(a -> a.taskPolicyArn().equals(DELETE_TASK)).toList();
        assertEquals(4, deletions.size(), "one delete session per step");
        deletions.forEach(a -> assertEquals(UUID.fromString(id), a.attribution().requestId(),
                "CloudTrail names the request"));
        assertEquals(List.of("bob", "carol"), deletions.get(0).attribution().approvers());

        scan();

        as("erin", "auditor").get("/v1/findings/{id}", findingId).then().statusCode(200)
                .body("status", equalTo("RESOLVED"));
    }

    @Test
    void aMemberWhoseRootHoldsNothingHasNothingToDelete() {
        submit(CLEAN_MEMBER, Map.of()).then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("nothing to delete"));
    }

    @Test
    void onlyTheOrganizationsMemberAccounts() {
        submit("999999999999", Map.of()).then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("not one of the organization's member accounts"));
        submit("not-an-account", Map.of()).then().statusCode(400).contentType("application/problem+json");
        submit(MEMBER, Map.of("accessKeyId", "AKIAIOSFODNN7EXAMPLE")).then().statusCode(400)
                .contentType("application/problem+json");
    }

    private static io.restassured.response.Response submit(String member, Map<String, Object> extra) {
        Map<String, Object> body = new java.util.HashMap<>(extra);
        body.put("type", "DELETE_ROOT_CREDENTIALS");
        body.put("userName", member);
        body.put("reason", "root credentials of a member account");
        return as("alice", "requester").contentType(ContentType.JSON).body(body).post("/v1/requests");
    }

    private InMemoryOrganization sandbox() {
        return (InMemoryOrganization) GuardedOrganizationRoot.beneath(organization.root());
    }

    private static void scan() {
        as("dave", "admin").post("/v1/findings/scan").then().statusCode(200);
    }

    private static JsonPath findings(String query) {
        return as("erin", "auditor").get("/v1/findings?" + query).then().statusCode(200).extract().jsonPath();
    }
}
