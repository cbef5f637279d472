package dev.iamsteward.approval;

import static dev.iamsteward.support.Requests.submit;
import static dev.iamsteward.support.Tokens.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.iamsteward.execution.JobWorker;
import dev.iamsteward.support.Flows;
import dev.iamsteward.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rules beyond the defaults: approver groups, the owner's and the manager's approval, automatic approval. */
@QuarkusTest
@TestProfile(ConfiguredRulesTest.Rules.class)
class ConfiguredRulesTest {

    /** The default rules plus three more. */
    public static class Rules implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "steward.approval.rules.policy-review.types", "ATTACH_POLICY",
                    "steward.approval.rules.policy-review.approver-groups", "security",
                    "steward.approval.rules.policy-review.owner-must-approve", "true",
                    "steward.approval.rules.console.types", "GRANT_CONSOLE_ACCESS",
                    "steward.approval.rules.console.manager-must-approve", "true",
                    "steward.approval.rules.lock-down.types", "SUSPEND_USER",
                    "steward.approval.rules.lock-down.auto-approve", "ALWAYS");
        }
    }

    @Inject
    JobWorker worker;

    @BeforeEach
    void drainLeftoverJobs() {
        Flows.drain(worker);
    }

    @Test
    void onlyTheRulesGroupDecidesAndTheOwnerMustApproveToo() {
        String id = submit("ATTACH_POLICY", Flows.managedUser(worker, "reviewed", "olivia"),
                Map.of("profile", "billing"));

        decide(as("bob", "approver"), id).statusCode(403)
                .body("type", equalTo("urn:iam-steward:problem:not-eligible"));
        decide(as("sam", "approver", "security"), id).statusCode(200).body("status", equalTo("PENDING_APPROVAL"))
                .body("approval.missing", contains("an approval by the user's owner olivia"));
        as("olivia", "requester").queryParam("approvableBy", "me").get("/v1/requests").then()
                .body("items.id", hasItem(id));
        decide(as("olivia", "requester"), id).statusCode(200).body("status", equalTo("APPROVED"));
    }

    @Test
    void theRequestersManagerMustApprove() {
        String user = Flows.managedUser(worker, "managed", "alice");
        submitWith(Tokens.token("alice", "requester"), "GRANT_CONSOLE_ACCESS", user).statusCode(422)
                .body("type", equalTo("urn:iam-steward:problem:unmeetable-approval"));

        String id = submitWith(Tokens.tokenWithManager("alice", "mona", "requester"), "GRANT_CONSOLE_ACCESS", user)
                .statusCode(202).body("approval.requesterManager", equalTo("mona")).extract().path("id");
        decide(as("bob", "approver"), id).statusCode(200).body("status", equalTo("PENDING_APPROVAL"));
        as("mona", "requester").get("/v1/requests/{id}", id).then().statusCode(200);
        decide(as("mona", "requester"), id).statusCode(200).body("status", equalTo("APPROVED"));
    }

    @Test
    void aRuleMayApproveAtOnce() {
        String user = Flows.managedUser(worker, "lockeddown", "olivia");
        String id = submit("SUSPEND_USER", user, Map.of());
        as("alice", "requester").get("/v1/requests/{id}", id).then().body("status", equalTo("APPROVED"))
                .body("decisions[0].comment", equalTo("approved automatically under rule 'lock-down'"));
        worker.runDueJobs();
        as("alice", "requester").get("/v1/requests/{id}", id).then().body("status", equalTo("SUCCEEDED"));
    }

    private static ValidatableResponse decide(io.restassured.specification.RequestSpecification who, String id) {
        return who.contentType(ContentType.JSON).body(Map.of("decision", "APPROVE"))
                .post("/v1/requests/{id}/approvals", id).then();
    }

    private static ValidatableResponse submitWith(String token, String type, String user) {
        return RestAssured.given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("type", type, "userName", user, "reason", "console for the analyst"))
                .post("/v1/requests").then();
    }
}
