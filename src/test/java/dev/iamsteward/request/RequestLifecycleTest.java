package dev.iamsteward.request;

import static dev.iamsteward.support.Requests.APPROVER;
import static dev.iamsteward.support.Requests.REQUESTER;
import static dev.iamsteward.support.Requests.approve;
import static dev.iamsteward.support.Requests.submitCreateUser;
import static dev.iamsteward.support.Requests.uniqueUserName;
import static dev.iamsteward.support.Tokens.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.iamsteward.audit.AuditLog;
import dev.iamsteward.execution.JobWorker;
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

/** The walking skeleton end to end over HTTP: submit, decide, execute, inspect. */
@QuarkusTest
class RequestLifecycleTest {

    @Inject
    JobWorker worker;

    @Inject
    InMemoryIamDirectory iam;

    @Inject
    AuditLog audit;

    /** Jobs other test classes left due would otherwise be claimed first. */
    @BeforeEach
    void drainLeftoverJobs() {
        Flows.drain(worker);
    }

    @Test
    void approvedRequestCreatesTheUserWithPathBoundaryAndAttribution() {
        String userName = uniqueUserName("alice");
        var submitted = as(REQUESTER, "requester").contentType(ContentType.JSON)
                .body(Map.of("type", "CREATE_USER", "userName", userName, "path", "/iam-steward/data/",
                        "tags", Map.of("team", "data"), "reason", "Analyst tooling"))
                .post("/v1/requests")
                .then().statusCode(202).extract();
        String id = submitted.path("id");
        assertEquals(true, submitted.header("Location").endsWith("/v1/requests/" + id), submitted.header("Location"));
        as(REQUESTER, "requester").get("/v1/requests/{id}", id).then().statusCode(200)
                .body("status", equalTo("PENDING_APPROVAL"))
                .body("requester", equalTo(REQUESTER))
                .body("plan[0].action", equalTo("iam:CreateUser"))
                .body("plan[0].parameters.Path", equalTo("/iam-steward/data/"))
                .body("plan[0].parameters.PermissionsBoundary", endsWith(":policy/iam-steward/managed-user-boundary"));

        approve(id);
        as(REQUESTER, "requester").get("/v1/requests/{id}", id).then()
                .body("status", equalTo("APPROVED"))
                .body("decisions.approver", contains(APPROVER));

        assertEquals(1, worker.runDueJobs());

        as(REQUESTER, "requester").get("/v1/requests/{id}", id).then()
                .body("status", equalTo("SUCCEEDED"))
                .body("userArn", equalTo("arn:aws:iam::000000000000:user/iam-steward/data/" + userName))
                .body("completedAt", notNullValue())
                .body("failureReason", nullValue());
        var created = iam.findUser(userName).orElseThrow();
        assertEquals("/iam-steward/data/", created.path());
        assertEquals("data", created.tags().get("team"));
        assertEquals(id, created.tags().get(RequestPlanner.REQUEST_TAG));
        var call = iam.calls().stream().filter(c -> c.operation().equals("CreateUser")
                && c.userName().equals(userName)).findFirst().orElseThrow();
        assertEquals(REQUESTER, call.attribution().requester());
        assertEquals(List.of(APPROVER), call.attribution().approvers());
        assertEquals(List.of("request.submitted", "request.approved", "execution.started", "execution.step-done",
                "execution.succeeded"),
                audit.forRequest(UUID.fromString(id)).stream().map(e -> e.action).toList());

        as("erin", "auditor").get("/v1/users/{name}", userName).then().statusCode(200)
                .body("arn", endsWith(userName))
                .body("createdByRequest", equalTo(id))
                .body("requests.id", contains(id));
        as("erin", "auditor").queryParam("limit", 1000).get("/v1/users").then().statusCode(200)
                .body("items.userName", hasItem(userName));
    }

    @Test
    void rejectedRequestEndsWithoutTouchingIam() {
        String userName = uniqueUserName("rejected");
        String id = submitCreateUser(userName);
        as(APPROVER, "approver").contentType(ContentType.JSON)
                .body(Map.of("decision", "REJECT", "comment", "no ticket"))
                .post("/v1/requests/{id}/approvals", id)
                .then().statusCode(200).body("status", equalTo("REJECTED"));

        worker.runDueJobs();

        as(REQUESTER, "requester").get("/v1/requests/{id}", id).then().body("status", equalTo("REJECTED"))
                .body("decisions[0].verdict", equalTo("REJECT"))
                .body("decisions[0].comment", equalTo("no ticket"));
        assertEquals(0, iam.calls().stream().filter(c -> userName.equals(c.userName())
                && c.operation().equals("CreateUser")).count());
    }

    @Test
    void requesterCannotApproveTheirOwnRequest() {
        String id = submitCreateUser(uniqueUserName("self"));
        as(REQUESTER, "requester", "approver").contentType(ContentType.JSON)
                .body(Map.of("decision", "APPROVE"))
                .post("/v1/requests/{id}/approvals", id)
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:iam-steward:problem:self-approval"));
        as(REQUESTER, "requester").get("/v1/requests/{id}", id).then().body("status", equalTo("PENDING_APPROVAL"));
    }

    @Test
    void aDecidedRequestCannotBeDecidedAgain() {
        String id = submitCreateUser(uniqueUserName("twice"));
        approve(id);
        as("carol", "approver").contentType(ContentType.JSON)
                .body(Map.of("decision", "REJECT"))
                .post("/v1/requests/{id}/approvals", id)
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:iam-steward:problem:illegal-transition"))
                .body("detail", equalTo("A request that is APPROVED cannot become REJECTED"));
    }

    @Test
    void requestersSeeOnlyTheirOwnRequests() {
        String id = submitCreateUser(uniqueUserName("private"));
        as("mallory", "requester").get("/v1/requests/{id}", id).then().statusCode(404)
                .body("type", equalTo("urn:iam-steward:problem:not-found"));
        as("mallory", "requester").get("/v1/requests").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.not(hasItem(id)));
        as(APPROVER, "approver").queryParam("status", "PENDING_APPROVAL").get("/v1/requests").then()
                .statusCode(200).body("items.id", hasItem(id));
    }

    @Test
    void aNameIamAlreadyHasIsRefusedAtSubmission() {
        String userName = uniqueUserName("taken");
        String first = submitCreateUser(userName);
        approve(first);
        worker.runDueJobs();
        as(REQUESTER, "requester").contentType(ContentType.JSON)
                .body(Map.of("type", "CREATE_USER", "userName", userName.toUpperCase(), "reason", "again"))
                .post("/v1/requests")
                .then().statusCode(409)
                .body("type", equalTo("urn:iam-steward:problem:user-exists"));
    }
}
