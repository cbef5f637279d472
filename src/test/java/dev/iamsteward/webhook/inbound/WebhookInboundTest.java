package dev.iamsteward.webhook.inbound;

import static dev.iamsteward.support.Tokens.as;
import static dev.iamsteward.support.Webhooks.jiraIssue;
import static dev.iamsteward.support.Webhooks.postJira;
import static dev.iamsteward.support.Webhooks.postStandard;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.iamsteward.execution.JobWorker;
import dev.iamsteward.support.Flows;
import dev.iamsteward.support.Requests;
import dev.iamsteward.support.TestClock;
import dev.iamsteward.support.Webhooks;
import dev.iamsteward.webhook.Signatures;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Deliveries from ticketing systems: verified before anything else, stored once, processed by the worker. */
@QuarkusTest
class WebhookInboundTest {

    @Inject
    InboxWorker inbox;

    @Inject
    JobWorker jobs;

    @Inject
    TestClock clock;

    @Inject
    MeterRegistry metrics;

    @BeforeEach
    void drain() {
        Flows.drain(jobs);
        while (inbox.runDue() > 0) {
            // deliveries other tests left behind
        }
    }

    @Test
    void aJiraIssueCreatedFilesARequestNamingItsTicket() {
        String ticket = Webhooks.uniqueTicket();
        String user = Requests.uniqueUserName("jira");
        postJira(jiraIssue("jira:issue_created", ticket, "acc-alice", user, "CREATE_USER", "Open", null),
                UUID.randomUUID().toString(), Webhooks.JIRA_SECRET).statusCode(202).body("duplicate", equalTo(false));
        assertEquals(0, requestsFor(ticket), "nothing is processed before the worker runs");

        inbox.runDue();

        JsonPath request = requestOf(user);
        assertEquals("PENDING_APPROVAL", request.getString("status"));
        assertEquals("alice", request.getString("requester"));
        assertEquals(ticket, request.getString("ticket.key"));
        assertEquals("Open", request.getString("ticket.status"));
        assertEquals(ticket + ": Access for " + user, request.getString("reason"));
    }

    @Test
    void aTransitionToAnApprovedStatusByAMappedApproverIsAnApproval() {
        String ticket = Webhooks.uniqueTicket();
        String user = Requests.uniqueUserName("jira");
        postJira(jiraIssue("jira:issue_created", ticket, "acc-alice", user, "CREATE_USER", "Open", null),
                UUID.randomUUID().toString(), Webhooks.JIRA_SECRET).statusCode(202);
        postJira(jiraIssue("jira:issue_updated", ticket, "acc-bob", user, "CREATE_USER", "Approved", "Open"),
                UUID.randomUUID().toString(), Webhooks.JIRA_SECRET).statusCode(202);

        inbox.runDue();

        JsonPath request = requestOf(user);
        assertEquals("APPROVED", request.getString("status"));
        assertEquals("bob", request.getString("decisions[0].approver"));
        assertEquals("moved " + ticket + " to 'Approved' in jira", request.getString("decisions[0].comment"));
        assertEquals(true, request.getBoolean("ticket.approved"));
    }

    @Test
    void aTransitionByTheRequesterOrAnUnmappedPersonIsRecordedButIsNoApproval() {
        String ticket = Webhooks.uniqueTicket();
        String user = Requests.uniqueUserName("jira");
        postJira(jiraIssue("jira:issue_created", ticket, "acc-alice", user, "CREATE_USER", "Open", null),
                UUID.randomUUID().toString(), Webhooks.JIRA_SECRET).statusCode(202);
        postJira(jiraIssue("jira:issue_updated", ticket, "acc-alice", user, "CREATE_USER", "Approved", "Open"),
                UUID.randomUUID().toString(), Webhooks.JIRA_SECRET).statusCode(202);
        inbox.runDue();
        postJira(jiraIssue("jira:issue_updated", ticket, "acc-mallory", user, "CREATE_USER", "Approved", "Open"),
                UUID.randomUUID().toString(), Webhooks.JIRA_SECRET).statusCode(202);
        inbox.runDue();

        JsonPath request = requestOf(user);
        assertEquals("PENDING_APPROVAL", request.getString("status"));
        assertEquals(0, request.getList("decisions").size());
        JsonPath refusals = as("erin", "auditor").queryParam("requestId", request.getString("id"))
                .queryParam("action", "request.ticket-approval-refused").get("/v1/audit").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(2, refusals.getList("items").size());
        assertEquals("jira:acc-mallory", refusals.getString("items[0].actor"));
        assertEquals("jira:acc-alice", refusals.getString("items[1].actor"));
        assertEquals(true, refusals.getString("items[1].detail").contains("cannot decide on it"),
                refusals.getString("items[1].detail"));
        assertEquals(1L, count("select count(*) from webhook_inbox where outcome like '%approval not counted%' "
                + "and convert_from(body, 'UTF8') like '%acc-mallory%" + ticket + "%'"));
    }

    @Test
    void aDuplicateDeliveryIsAnsweredAndHasOneEffect() {
        String ticket = Webhooks.uniqueTicket();
        String body = jiraIssue("jira:issue_created", ticket, "acc-alice", Requests.uniqueUserName("dup"),
                "CREATE_USER", "Open", null);
        String id = UUID.randomUUID().toString();
        postJira(body, id, Webhooks.JIRA_SECRET).statusCode(202);
        inbox.runDue();
        postJira(body, id, Webhooks.JIRA_SECRET).statusCode(200).body("duplicate", equalTo(true));
        postJira(body, id, Webhooks.JIRA_SECOND_SECRET).statusCode(200);
        inbox.runDue();

        assertEquals(1, requestsFor(ticket));
        assertEquals(1L, count("select count(*) from webhook_inbox where delivery_id = '" + id + "'"));
    }

    @Test
    void theSameDeliveryIdWithAnotherBodyIsRefused() {
        String id = UUID.randomUUID().toString();
        String ticket = Webhooks.uniqueTicket();
        postJira(jiraIssue("jira:issue_created", ticket, "acc-alice", "one", "CREATE_USER", "Open", null), id,
                Webhooks.JIRA_SECRET).statusCode(202);
        postJira(jiraIssue("jira:issue_created", ticket, "acc-alice", "two", "CREATE_USER", "Open", null), id,
                Webhooks.JIRA_SECRET).statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:iam-steward:problem:delivery-id-reused"));
    }

    @Test
    void aTamperedBodyOrAWrongSecretIsRefusedStoresNothingAndIsCounted() {
        String ticket = Webhooks.uniqueTicket();
        String body = jiraIssue("jira:issue_created", ticket, "acc-alice", "tampered", "CREATE_USER", "Open", null);
        double before = rejected("jira", "bad-signature");
        long rows = count("select count(*) from webhook_inbox");

        io.restassured.RestAssured.given().contentType("application/json")
                .header("X-Hub-Signature", Signatures.hub(dev.iamsteward.common.Secret.of(Webhooks.JIRA_SECRET),
                        Webhooks.bytes(body)))
                .body(body.replace("tampered", "tampere2")).post("/v1/webhooks/jira").then().statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:iam-steward:problem:signature-invalid"));
        postJira(body, UUID.randomUUID().toString(), "not-the-secret").statusCode(401);
        io.restassured.RestAssured.given().contentType("application/json").body(body).post("/v1/webhooks/jira")
                .then().statusCode(401);

        assertEquals(before + 2, rejected("jira", "bad-signature"));
        assertEquals(rows, count("select count(*) from webhook_inbox"));
        inbox.runDue();
        assertEquals(0, requestsFor(ticket));
    }

    @Test
    void aStandardWebhookIsAcceptedUnderEitherSecretWithinTheTolerance() {
        String body = "{\"event\":\"ticket.created\",\"ticket\":\"RITM" + UUID.randomUUID() + "\"}";
        long now = clock.instant().getEpochSecond();
        postStandard("servicenow", "msg_" + UUID.randomUUID(), now, body, Webhooks.SERVICENOW_SECRET)
                .statusCode(202);
        postStandard("servicenow", "msg_" + UUID.randomUUID(), now - 290, body.replace("RITM", "RITM1"),
                Webhooks.SERVICENOW_SECOND_SECRET).statusCode(202);
        postStandard("servicenow", "msg_" + UUID.randomUUID(), now, body.replace("RITM", "RITM2"),
                "whsec_JHww3+hshlpEuwovRZD/ftHMP0YqcdAa").statusCode(401);
    }

    @Test
    void aStaleOrFutureTimestampIsRefusedAndCounted() {
        String body = "{\"event\":\"ticket.created\",\"ticket\":\"RITM" + UUID.randomUUID() + "\"}";
        double before = rejected("servicenow", "stale-timestamp");
        long now = clock.instant().getEpochSecond();
        postStandard("servicenow", "msg_" + UUID.randomUUID(), now - Duration.ofMinutes(6).toSeconds(), body,
                Webhooks.SERVICENOW_SECRET).statusCode(401);
        postStandard("servicenow", "msg_" + UUID.randomUUID(), now + Duration.ofMinutes(6).toSeconds(), body,
                Webhooks.SERVICENOW_SECRET).statusCode(401);

        String id = "msg_" + UUID.randomUUID();
        postStandard("servicenow", id, now, body, Webhooks.SERVICENOW_SECRET).statusCode(202);
        clock.advance(Duration.ofMinutes(6));
        postStandard("servicenow", id, now, body, Webhooks.SERVICENOW_SECRET).statusCode(401);
        assertEquals(before + 3, rejected("servicenow", "stale-timestamp"));
    }

    @Test
    void aReplayedStandardDeliveryIdHasNoNewEffect() {
        String ticket = "RITM" + UUID.randomUUID().toString().substring(0, 8);
        String user = Requests.uniqueUserName("snow");
        String body = "{\"event\":\"ticket.created\",\"ticket\":\"" + ticket + "\",\"status\":\"New\","
                + "\"reporter\":\"alice\",\"fields\":{\"userName\":\"" + user + "\",\"requestType\":\"CREATE_USER\","
                + "\"summary\":\"Reporting service\"}}";
        String id = "msg_" + UUID.randomUUID();
        long now = clock.instant().getEpochSecond();
        postStandard("servicenow", id, now, body, Webhooks.SERVICENOW_SECRET).statusCode(202);
        postStandard("servicenow", id, now + 30, body, Webhooks.SERVICENOW_SECRET).statusCode(200)
                .body("duplicate", equalTo(true));
        inbox.runDue();

        assertEquals(1, requestsFor(ticket));
        assertEquals("alice", requestOf(user).getString("requester"));
    }

    @Test
    void theBearerSourceTakesItsTokenAndNoOther() {
        String body = jiraIssue("jira:issue_created", Webhooks.uniqueTicket(), "acc-alice", "bearer",
                "CREATE_USER", "Open", null);
        Webhooks.postBearer(body, Webhooks.JSM_TOKEN).statusCode(202);
        Webhooks.postBearer(body + " ", "jsm-dev-token-012345678").statusCode(401)
                .body("type", equalTo("urn:iam-steward:problem:signature-invalid"));
        Webhooks.postBearer(body + " ", dev.iamsteward.support.Tokens.token("bob", "approver")).statusCode(401);
    }

    @Test
    void anUnknownSourceIsNotFound() {
        postStandard("nope", "msg_1", clock.instant().getEpochSecond(), "{}", Webhooks.SERVICENOW_SECRET)
                .statusCode(404);
    }

    @Test
    void aTicketGatedRequestExecutesOnlyWhileItsTicketIsApproved() {
        String ticket = Webhooks.uniqueTicket();
        String user = Requests.uniqueUserName("gated");
        Webhooks.postBearer(jiraIssue("jira:issue_created", ticket, "acc-alice", user, "CREATE_USER",
                "Waiting for approval", null), Webhooks.JSM_TOKEN).statusCode(202);
        inbox.runDue();
        String id = requestOf(user).getString("id");
        Requests.approve(id);
        jobs.runDueJobs();
        assertEquals("APPROVED", requestOf(user).getString("status"), "held while the ticket is not approved");

        Webhooks.postBearer(jiraIssue("jira:issue_updated", ticket, "acc-bob", user, "CREATE_USER", "Approved",
                "Waiting for approval"), Webhooks.JSM_TOKEN).statusCode(202);
        inbox.runDue();
        jobs.runDueJobs();

        JsonPath request = requestOf(user);
        assertEquals("SUCCEEDED", request.getString("status"));
        assertEquals(true, request.getBoolean("ticket.gated"));
        assertEquals("Approved", request.getString("ticket.status"));
    }

    private static JsonPath requestOf(String userName) {
        return as("bob", "approver").queryParam("userName", userName).get("/v1/requests").then().statusCode(200)
                .body("items.size()", equalTo(1)).extract().jsonPath().setRootPath("items[0]");
    }

    private double rejected(String source, String reason) {
        return metrics.counter("steward.webhook.rejected", "source", source, "reason", reason).count();
    }

    private static long requestsFor(String ticket) {
        return count("select count(*) from access_request where ticket = '" + ticket + "'");
    }

    private static long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) io.quarkus.hibernate.orm.panache.Panache
                .getEntityManager().createNativeQuery(sql).getSingleResult()).longValue());
    }
}
