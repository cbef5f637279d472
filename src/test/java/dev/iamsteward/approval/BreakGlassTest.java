package dev.iamsteward.approval;

import static dev.iamsteward.support.Requests.submit;
import static dev.iamsteward.support.Tokens.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamsteward.audit.AuditEvent;
import dev.iamsteward.audit.AuditLog;
import dev.iamsteward.execution.JobWorker;
import dev.iamsteward.iam.memory.InMemoryIamDirectory;
import dev.iamsteward.posture.BreakGlassReviews;
import dev.iamsteward.posture.Finding;
import dev.iamsteward.posture.FindingKind;
import dev.iamsteward.posture.FindingStatus;
import dev.iamsteward.request.RequestSweeps;
import dev.iamsteward.support.Flows;
import dev.iamsteward.support.TestClock;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
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
 * Break-glass on the high-risk rule, which in tests lets requesters approve their own request for an hour with a
 * review owed within eight: approved and executed at once, audited, taken back when its hour is up, reviewed once
 * by an approver, and an overdue review a finding until then.
 */
@QuarkusTest
class BreakGlassTest {

    @Inject
    JobWorker worker;

    @Inject
    RequestSweeps sweeps;

    @Inject
    BreakGlassReviews reviews;

    @Inject
    InMemoryIamDirectory iam;

    @Inject
    AuditLog audit;

    @Inject
    MeterRegistry registry;

    @Inject
    TestClock clock;

    @BeforeEach
    void drainLeftoverJobs() {
        Flows.drain(worker);
        sweeps.endTimeBoundAccess();
    }

    @Test
    void aRequesterBreaksGlassAndTheAccessEndsByItself() {
        String user = Flows.managedUser(worker, "oncall", "alice");
        String id = submit("ADD_TO_GROUP", user, Map.of("profile", "ops"));
        double usesBefore = uses();

        breakGlass("alice", id, "INC-4711: production down, no approver answers").statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("breakGlass.reason", equalTo("INC-4711: production down, no approver answers"))
                .body("breakGlass.accessUntil", notNullValue())
                .body("breakGlass.reviewedBy", nullValue())
                .body("approval.approvedBy", equalTo(List.of("alice")));
        assertEquals(usesBefore + 1, uses(), "the use is counted");
        AuditEvent used = audit.forRequest(UUID.fromString(id)).stream()
                .filter(e -> e.action.equals("request.break-glass")).findFirst().orElseThrow();
        assertEquals("alice", used.actor);
        assertEquals("APPROVED", used.toStatus);

        Flows.drain(worker);
        as("erin", "auditor").get("/v1/requests/{id}", id).then().body("status", equalTo("SUCCEEDED"));
        assertTrue(iam.listGroupsForUser(user).containsAll(List.of("ops", "on-call")));

        assertEquals(0, sweeps.endTimeBoundAccess(), "nothing ends before its hour is up");
        clock.advance(Duration.ofMinutes(61));
        assertTrue(sweeps.endTimeBoundAccess() >= 1);
        String revocation = as("erin", "auditor").get("/v1/requests/{id}", id).then()
                .extract().path("expiryRequestId");
        as("erin", "auditor").get("/v1/requests/{id}", revocation).then()
                .body("type", equalTo("REMOVE_FROM_GROUP")).body("profile", equalTo("ops"))
                .body("approval.rule", equalTo("time-bound-expiry"))
                .body("reason", containsString("break-glass access granted by request " + id));
        Flows.drain(worker);
        as("erin", "auditor").get("/v1/requests/{id}", revocation).then().body("status", equalTo("SUCCEEDED"));
        assertFalse(iam.listGroupsForUser(user).contains("ops"));
        assertFalse(iam.listGroupsForUser(user).contains("on-call"));
    }

    @Test
    void anApproverReviewsItOnceAndAnOverdueReviewIsAFindingUntilThen() {
        String user = Flows.managedUser(worker, "reviewed", "alice");
        String id = submit("ADD_TO_GROUP", user, Map.of("profile", "ops"));
        breakGlass("alice", id, "INC-4712: approvers asleep").statusCode(200);
        Flows.drain(worker);

        reviews.refresh();
        assertEquals(0, openFindings(id), "the review is not yet due");
        clock.advance(Duration.ofHours(9));
        assertEquals(1, reviews.refresh());
        assertEquals(1, openFindings(id));
        assertEquals(0, reviews.refresh(), "an open finding is not opened twice");

        review("alice", id, "fine by me").statusCode(403).body("type", containsString("self-approval"));
        review("bob", id, " ").statusCode(400);
        review("bob", id, "Justified by INC-4712").statusCode(200)
                .body("breakGlass.reviewedBy", equalTo("bob"))
                .body("breakGlass.review", equalTo("Justified by INC-4712"));
        review("carol", id, "me too").statusCode(409).body("type", containsString("already-decided"));
        assertTrue(actions(id).contains("request.break-glass-reviewed"));

        reviews.refresh();
        assertEquals(0, openFindings(id), "the review closes the finding");
    }

    @Test
    void aRuleWithoutBreakGlassRefusesItAndChangesNothing() {
        String user = Flows.managedUser(worker, "lowrisk", "alice");
        String id = submit("GRANT_CONSOLE_ACCESS", user, Map.of());
        breakGlass("alice", id, "I am in a hurry").statusCode(403)
                .contentType("application/problem+json")
                .body("type", containsString("break-glass-not-allowed"))
                .body("detail", containsString("rule 'default' does not allow break-glass"));
        as("erin", "auditor").get("/v1/requests/{id}", id).then().body("status", equalTo("PENDING_APPROVAL"))
                .body("breakGlass", nullValue());
        assertFalse(actions(id).contains("request.break-glass"));
    }

    @Test
    void onlyTheRequesterInAnAllowedGroupMayBreakGlassWithAReason() {
        String user = Flows.managedUser(worker, "others", "alice");
        String id = submit("ADD_TO_GROUP", user, Map.of("profile", "ops"));

        breakGlass("alice", id, "").statusCode(400);
        as("bob", "approver").contentType(ContentType.JSON).body(Map.of("reason", "helping out"))
                .post("/v1/requests/{id}/break-glass", id).then().statusCode(403);
        as("alice", "admin").contentType(ContentType.JSON).body(Map.of("reason", "admin, not requester group"))
                .post("/v1/requests/{id}/break-glass", id).then().statusCode(403)
                .body("detail", containsString("only to members of requester"));
        as("erin", "auditor").get("/v1/requests/{id}", id).then().body("status", equalTo("PENDING_APPROVAL"));

        breakGlass("alice", id, "INC-4713").statusCode(200);
        breakGlass("alice", id, "again").statusCode(409);
        review("bob", submit("ADD_TO_GROUP", user, Map.of("profile", "data-read")), "nothing to review")
                .statusCode(409).body("detail", containsString("not approved by break-glass"));
    }

    @Test
    void theRulesShowWhereBreakGlassIsAllowed() {
        as("erin", "auditor").get("/v1/approval-rules").then().statusCode(200)
                .body("find { it.name == 'high-risk' }.breakGlass.groups", equalTo(List.of("requester")))
                .body("find { it.name == 'high-risk' }.breakGlass.accessFor", equalTo("PT1H"))
                .body("find { it.name == 'default' }.breakGlass", nullValue());
    }

    private io.restassured.response.ValidatableResponse breakGlass(String who, String id, String reason) {
        return as(who, "requester").contentType(ContentType.JSON).body(Map.of("reason", reason))
                .post("/v1/requests/{id}/break-glass", id).then();
    }

    private io.restassured.response.ValidatableResponse review(String who, String id, String comment) {
        return as(who, "approver").contentType(ContentType.JSON).body(Map.of("comment", comment))
                .post("/v1/requests/{id}/break-glass/review", id).then();
    }

    private List<String> actions(String id) {
        return audit.forRequest(UUID.fromString(id)).stream().map((AuditEvent e) -> e.action).toList();
    }

    private long openFindings(String id) {
        return QuarkusTransaction.requiringNew().call(() -> Finding.count("kind = ?1 and subject = ?2 and status = ?3",
                FindingKind.BREAK_GLASS_REVIEW_OVERDUE, "request:" + id, FindingStatus.OPEN));
    }

    private double uses() {
        return registry.find("steward.break.glass.uses").tag("rule", "high-risk").counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }
}
