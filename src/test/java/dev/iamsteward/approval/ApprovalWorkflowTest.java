package dev.iamsteward.approval;

import static dev.iamsteward.support.Requests.approveAs;
import static dev.iamsteward.support.Requests.submit;
import static dev.iamsteward.support.Requests.submitCreateUser;
import static dev.iamsteward.support.Requests.uniqueUserName;
import static dev.iamsteward.support.Tokens.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.iamsteward.audit.AuditLog;
import dev.iamsteward.execution.JobWorker;
import dev.iamsteward.iam.Attribution;
import dev.iamsteward.iam.memory.InMemoryIamDirectory;
import dev.iamsteward.request.RequestSweeps;
import dev.iamsteward.support.Flows;
import dev.iamsteward.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The default rules end to end: quorum for high risk, plan-bound approvals that a change voids, re-planning,
 * cancellation, expiry, comments, and finding one's work with approvableBy=me.
 */
@QuarkusTest
class ApprovalWorkflowTest {

    @Inject
    JobWorker worker;

    @Inject
    InMemoryIamDirectory iam;

    @Inject
    RequestSweeps sweeps;

    @Inject
    AuditLog audit;

    @Inject
    TestClock clock;

    @BeforeEach
    void drainLeftoverJobs() {
        Flows.drain(worker);
    }

    @Test
    void highRiskNeedsTwoDistinctApproversAndTheSecondFindsItInTheirList() {
        String id = submit("ADD_TO_GROUP", Flows.managedUser(worker, "quorum", "olivia"), Map.of("profile", "ops"));
        as("bob", "approver").get("/v1/requests/{id}", id).then()
                .body("risk", equalTo("HIGH")).body("approval.rule", equalTo("high-risk"))
                .body("approval.approvals", equalTo(2));

        assertEquals("PENDING_APPROVAL", approveAs("bob", id));
        as("bob", "approver").get("/v1/requests/{id}", id).then()
                .body("approval.approvedBy", contains("bob"))
                .body("approval.missing", contains("1 more approval from members of approver"));
        decide("bob", id, "APPROVE", null).statusCode(409)
                .body("type", equalTo("urn:iam-steward:problem:already-decided"));
        approvable("bob").body("items.id", not(hasItem(id)));
        approvable("carol").body("items.id", hasItem(id));
        approvable("alice").body("items.id", not(hasItem(id)));

        assertEquals("APPROVED", approveAs("carol", id));
        assertEquals(List.of("request.submitted", "request.approval-recorded", "request.approved"),
                audit.forRequest(UUID.fromString(id)).stream().map(e -> e.action).toList());
    }

    @Test
    void aChangeVoidsApprovalsAndTheApproversSeeWhy() {
        String id = submit("ADD_TO_GROUP", Flows.managedUser(worker, "amended", "alice"), Map.of("profile", "ops"));
        String seen = as("bob", "approver").get("/v1/requests/{id}", id).then().extract().path("planHash");
        decide("bob", id, "APPROVE", seen).statusCode(200).body("status", equalTo("PENDING_APPROVAL"));

        String etag = as("alice", "requester").get("/v1/requests/{id}", id).then().extract().header("ETag");
        as("alice", "requester").header("If-Match", etag).contentType(ContentType.JSON)
                .body(Map.of("reason", "Needs on-call access from Monday, ticket OPS-77"))
                .patch("/v1/requests/{id}", id).then().statusCode(200)
                .body("reason", equalTo("Needs on-call access from Monday, ticket OPS-77"))
                .body("planHash", not(equalTo(seen)))
                .body("approval.approvedBy", equalTo(List.of()))
                .body("decisions[0].voidedReason", equalTo("the requester changed the request"));
        as("alice", "requester").header("If-Match", etag).contentType(ContentType.JSON)
                .body(Map.of("reason", "again")).patch("/v1/requests/{id}", id).then().statusCode(412)
                .body("type", equalTo("urn:iam-steward:problem:precondition-failed"));

        decide("carol", id, "APPROVE", seen).statusCode(409)
                .body("type", equalTo("urn:iam-steward:problem:plan-changed"));
        assertEquals("PENDING_APPROVAL", approveAs("bob", id));
        assertEquals("APPROVED", approveAs("carol", id));
    }

    @Test
    void onlyTheRequesterAmendsAndTheResultIsCheckedLikeASubmission() {
        String id = submit("ADD_TO_GROUP", Flows.managedUser(worker, "checked", "alice"), Map.of("profile", "ops"));
        as("bob", "approver").contentType(ContentType.JSON).body(Map.of("reason", "mine now"))
                .patch("/v1/requests/{id}", id).then().statusCode(403);
        as("alice", "requester").contentType(ContentType.JSON).body(Map.of("profile", "no-such-profile"))
                .patch("/v1/requests/{id}", id).then().statusCode(422);
        as("alice", "requester").contentType(ContentType.JSON).body(Map.of("path", "/elsewhere/"))
                .patch("/v1/requests/{id}", id).then().statusCode(400);
        as("alice", "requester").contentType(ContentType.JSON).body(Map.of())
                .patch("/v1/requests/{id}", id).then().statusCode(400);
        as("alice", "requester").get("/v1/requests/{id}", id).then().body("profile", equalTo("ops"))
                .body("version", equalTo(0));
    }

    @Test
    void aReplanVoidsApprovalsOnlyWhenThePlanChanged() {
        String user = Flows.managedUser(worker, "replanned", "alice");
        String id = submit("ADD_TO_GROUP", user, Map.of("profile", "ops"));
        approveAs("bob", id);

        as("carol", "approver").post("/v1/requests/{id}/plan", id).then().statusCode(200)
                .body("approval.approvedBy", contains("bob"));
        iam.addUserToGroup("on-call", user, new Attribution(UUID.randomUUID(), "someone", List.of()));
        as("carol", "approver").post("/v1/requests/{id}/plan", id).then().statusCode(200)
                .body("plan.action", equalTo(List.of("iam:AddUserToGroup")))
                .body("approval.approvedBy", equalTo(List.of()))
                .body("decisions[0].voidedAt", notNullValue());
    }

    @Test
    void theRequesterCancelsAPendingRequestAndNobodyElseCan() {
        String id = submitCreateUser(uniqueUserName("cancelled"));
        as("dave", "admin").post("/v1/requests/{id}/cancel", id).then().statusCode(403);
        as("alice", "requester").post("/v1/requests/{id}/cancel", id).then().statusCode(200)
                .body("status", equalTo("CANCELLED"));
        as("alice", "requester").post("/v1/requests/{id}/cancel", id).then().statusCode(409);
        decide("bob", id, "APPROVE", null).statusCode(409);
    }

    @Test
    void aRequestNobodyDecidesExpires() {
        String id = submitCreateUser(uniqueUserName("expiring"));
        String until = as("alice", "requester").get("/v1/requests/{id}", id).then().extract().path("pendingUntil");
        clock.advance(Duration.ofDays(8));

        decide("bob", id, "APPROVE", null).statusCode(409).body("detail", equalTo("the request expired at " + until));
        sweeps.expirePending();
        as("alice", "requester").get("/v1/requests/{id}", id).then().body("status", equalTo("EXPIRED"));
        assertEquals("request.expired", lastAction(id));
    }

    @Test
    void anOwnerDeactivatesTheirOwnKeyWithoutWaiting() {
        String user = Flows.managedUser(worker, "selfservice", "alice");
        Flows.approveAndRun(worker, submit("CREATE_ACCESS_KEY", user, Map.of()));
        String key = iam.listAccessKeys(user).get(0).accessKeyId();

        String id = submit("DEACTIVATE_ACCESS_KEY", user, Map.of("accessKeyId", key));
        as("alice", "requester").get("/v1/requests/{id}", id).then().body("status", equalTo("APPROVED"))
                .body("decisions[0].approver", equalTo("system:iam-steward"));
        worker.runDueJobs();
        as("alice", "requester").get("/v1/requests/{id}", id).then().body("status", equalTo("SUCCEEDED"));

        String other = Flows.managedUser(worker, "notmine", "olivia");
        Flows.approveAndRun(worker, submit("CREATE_ACCESS_KEY", other, Map.of()));
        String otherKey = iam.listAccessKeys(other).get(0).accessKeyId();
        String waiting = submit("DEACTIVATE_ACCESS_KEY", other, Map.of("accessKeyId", otherKey));
        as("alice", "requester").get("/v1/requests/{id}", waiting).then().body("status", equalTo("PENDING_APPROVAL"));
    }

    @Test
    void peopleInvolvedCommentAndOthersCannot() {
        String id = submitCreateUser(uniqueUserName("discussed"));
        as("bob", "approver").contentType(ContentType.JSON).body(Map.of("text", "Which ticket is this for?"))
                .post("/v1/requests/{id}/comments", id).then().statusCode(201);
        as("alice", "requester").contentType(ContentType.JSON).body(Map.of("text", "OPS-1234"))
                .post("/v1/requests/{id}/comments", id).then().statusCode(201)
                .body("comments.author", contains("bob", "alice"))
                .body("comments.text", contains("Which ticket is this for?", "OPS-1234"));
        as("mallory", "requester").contentType(ContentType.JSON).body(Map.of("text", "hi"))
                .post("/v1/requests/{id}/comments", id).then().statusCode(404);
        as("erin", "auditor").contentType(ContentType.JSON).body(Map.of("text", "hi"))
                .post("/v1/requests/{id}/comments", id).then().statusCode(403);
        as("alice", "requester").contentType(ContentType.JSON).body(Map.of("text", " "))
                .post("/v1/requests/{id}/comments", id).then().statusCode(400);
    }

    @Test
    void theRulesAreVisible() {
        as("alice", "requester").get("/v1/approval-rules").then().statusCode(200)
                .body("name", equalTo(List.of("default", "high-risk", "own-key-deactivation", "key-rotation",
                        "time-bound-expiry")))
                .body("find { it.name == 'key-rotation' }.types", containsInAnyOrder("CREATE_ACCESS_KEY",
                        "DEACTIVATE_ACCESS_KEY", "DELETE_ACCESS_KEY"))
                .body("find { it.name == 'key-rotation' }.autoApprove", equalTo("ALWAYS"))
                .body("find { it.name == 'high-risk' }.approvals", equalTo(2))
                .body("find { it.name == 'high-risk' }.risks", contains("HIGH"))
                .body("find { it.name == 'default' }.description", nullValue());
    }

    private static io.restassured.response.ValidatableResponse decide(String approver, String id, String verdict,
            String planHash) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("decision", verdict));
        if (planHash != null) {
            body.put("planHash", planHash);
        }
        return as(approver, "approver").contentType(ContentType.JSON).body(body)
                .post("/v1/requests/{id}/approvals", id).then();
    }

    private static io.restassured.response.ValidatableResponse approvable(String who) {
        return as(who, who.equals("alice") ? "requester" : "approver").queryParam("approvableBy", "me")
                .queryParam("status", "PENDING_APPROVAL").queryParam("limit", 500).get("/v1/requests").then()
                .statusCode(200);
    }

    private String lastAction(String requestId) {
        List<dev.iamsteward.audit.AuditEvent> events = audit.forRequest(UUID.fromString(requestId));
        return events.get(events.size() - 1).action;
    }
}
