package dev.iamsteward.webhook.outbound;

import static dev.iamsteward.support.Tokens.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iamsteward.common.Roles;
import dev.iamsteward.common.Secret;
import dev.iamsteward.execution.JobWorker;
import dev.iamsteward.support.Flows;
import dev.iamsteward.support.Requests;
import dev.iamsteward.support.TestClock;
import dev.iamsteward.support.Webhooks;
import dev.iamsteward.webhook.Signatures;
import dev.iamsteward.webhook.inbound.InboxWorker;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Signed notifications to a subscriber and comments on Jira tickets, retried, dead-lettered and redelivered. */
@QuarkusTest
@WithTestResource(value = LocalReceiver.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class WebhookOutboundTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PAST_ANY_BACKOFF = Duration.ofMinutes(6);

    @Inject
    NotificationWorker notifications;

    @Inject
    InboxWorker inbox;

    @Inject
    JobWorker jobs;

    @Inject
    TestClock clock;

    @BeforeEach
    void drain() {
        Flows.drain(jobs);
        while (inbox.runDue() + notifications.runDue() > 0) {
            // work other tests left behind
        }
    }

    @Test
    void aSubscriberGetsASignedNotificationAfterTwoFailedAttempts() throws Exception {
        String id = Requests.submitCreateUser(Requests.uniqueUserName("notify"));
        LocalReceiver.failFor(id, 2);

        notifications.runDue();
        clock.advance(PAST_ANY_BACKOFF);
        notifications.runDue();
        clock.advance(PAST_ANY_BACKOFF);
        notifications.runDue();

        List<LocalReceiver.Received> attempts = LocalReceiver.about(id);
        assertEquals(3, attempts.size());
        assertEquals(1, attempts.stream().map(r -> r.header("webhook-id")).distinct().count(),
                "every attempt carries the same webhook-id");
        LocalReceiver.Received last = attempts.get(2);
        assertEquals("/hooks", last.path());
        assertTrue(Signatures.standardMatches(List.of(Secret.of(LocalReceiver.SUBSCRIBER_SECRET)),
                last.header("webhook-id"), Long.parseLong(last.header("webhook-timestamp")),
                last.body().getBytes(StandardCharsets.UTF_8), last.header("webhook-signature")));
        JsonNode payload = JSON.readTree(last.body());
        assertEquals("request.submitted", payload.path("type").asText());
        assertEquals(id, payload.path("data").path("requestId").asText());
        assertEquals("default", payload.path("data").path("account").asText());
        assertEquals("PENDING_APPROVAL", payload.path("data").path("status").asText());
        as("dave", Roles.ADMIN).get("/v1/notifications/failed").then().statusCode(200)
                .body("items.requestId", not(hasItem(id)));
    }

    @Test
    void aNotificationThatRunsOutOfAttemptsWaitsForAnAdminToRedeliverIt() {
        String id = Requests.submitCreateUser(Requests.uniqueUserName("dead"));
        LocalReceiver.failFor(id, 3);
        for (int attempt = 0; attempt < 3; attempt++) {
            notifications.runDue();
            clock.advance(PAST_ANY_BACKOFF);
        }
        assertEquals(3, LocalReceiver.about(id).size());
        notifications.runDue();
        assertEquals(3, LocalReceiver.about(id).size(), "a failed notification is not sent again by itself");

        String notification = as("dave", Roles.ADMIN).queryParam("limit", 500).get("/v1/notifications/failed")
                .then().statusCode(200).extract().jsonPath()
                .getString("items.find { it.requestId == '" + id + "' }.id");
        as("dave", Roles.ADMIN).get("/v1/notifications/failed").then()
                .body("items.find { it.id == '" + notification + "' }.attempts", equalTo(3))
                .body("items.find { it.id == '" + notification + "' }.lastError", equalTo("answered 500"));

        as("dave", Roles.ADMIN).post("/v1/notifications/{id}/redeliver", notification).then().statusCode(202)
                .body("state", equalTo("PENDING"));
        notifications.runDue();

        assertEquals(4, LocalReceiver.about(id).size());
        as("dave", Roles.ADMIN).get("/v1/notifications/failed").then().body("items.id", not(hasItem(notification)));
        as("dave", Roles.ADMIN).post("/v1/notifications/{id}/redeliver", notification).then().statusCode(409);
        as("dave", Roles.ADMIN).post("/v1/notifications/{id}/redeliver", UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void theOutcomeOfARequestFiledFromAJiraTicketIsCommentedOnTheTicket() {
        String ticket = Webhooks.uniqueTicket();
        String user = Requests.uniqueUserName("comment");
        Webhooks.postJira(Webhooks.jiraIssue("jira:issue_created", ticket, "acc-alice", user, "CREATE_USER", "Open",
                null), UUID.randomUUID().toString(), Webhooks.JIRA_SECRET).statusCode(202);
        Webhooks.postJira(Webhooks.jiraIssue("jira:issue_updated", ticket, "acc-bob", user, "CREATE_USER",
                "Approved", "Open"), UUID.randomUUID().toString(), Webhooks.JIRA_SECRET).statusCode(202);
        inbox.runDue();
        jobs.runDueJobs();
        notifications.runDue();

        List<LocalReceiver.Received> comments = LocalReceiver.RECEIVED.stream()
                .filter(r -> r.path().equals("/rest/api/3/issue/" + ticket + "/comment")).toList();
        assertEquals(1, comments.size(), "one comment, on the outcome only");
        assertEquals("Basic " + Base64.getEncoder().encodeToString((LocalReceiver.JIRA_USER + ":"
                + LocalReceiver.JIRA_TOKEN).getBytes(StandardCharsets.UTF_8)), comments.get(0).header("Authorization"));
        assertTrue(comments.get(0).body().contains("is SUCCEEDED"), comments.get(0).body());
        assertTrue(comments.get(0).body().contains("\"type\":\"doc\""), "Atlassian Document Format");
        List<String> events = LocalReceiver.RECEIVED.stream().filter(r -> r.path().equals("/hooks"))
                .filter(r -> r.body().contains(ticket)).map(r -> JSON.valueToTree(r.body()).asText())
                .map(body -> body.replaceAll(".*\"type\":\"(request\\.[a-z]+)\".*", "$1")).distinct().toList();
        assertEquals(List.of("request.submitted", "request.approved", "request.succeeded"), events);
    }

    @Test
    void aRefusedDeliveryIsKeptListedAuditedAndAnsweredOnItsTicket() {
        String ticket = Webhooks.uniqueTicket();
        String delivery = UUID.randomUUID().toString();
        String user = Requests.uniqueUserName("refused");
        Webhooks.postJira(Webhooks.jiraIssue("jira:issue_created", ticket, "acc-alice", user, "MAKE_ME_ADMIN", "Open",
                null), delivery, Webhooks.JIRA_SECRET).statusCode(202);
        inbox.runDue();
        notifications.runDue();

        assertEquals(0, as("erin", "auditor").queryParam("userName", user).get("/v1/requests").then()
                .statusCode(200).extract().jsonPath().getList("items").size(), "no request was filed");
        JsonPath refused = as("dave", Roles.ADMIN).queryParam("limit", 500).get("/v1/webhooks/refused").then()
                .statusCode(200).extract().jsonPath();
        String reason = refused.getString("items.find { it.deliveryId == '" + delivery + "' }.refusal");
        assertTrue(reason != null && reason.contains("MAKE_ME_ADMIN"), String.valueOf(reason));
        assertEquals("DONE", refused.getString("items.find { it.deliveryId == '" + delivery + "' }.state"));
        as("erin", "auditor").get("/v1/webhooks/refused").then().statusCode(403);

        JsonPath audit = as("erin", "auditor").queryParam("action", "webhook.delivery-refused").queryParam("limit", 500)
                .get("/v1/audit").then().statusCode(200).extract().jsonPath();
        List<String> details = audit.getList("items.detail", String.class).stream()
                .filter(d -> d.contains(ticket)).toList();
        assertEquals(1, details.size(), details.toString());
        assertTrue(details.get(0).contains("delivery " + delivery) && details.get(0).contains(reason), details.get(0));

        List<LocalReceiver.Received> comments = LocalReceiver.RECEIVED.stream()
                .filter(r -> r.path().equals("/rest/api/3/issue/" + ticket + "/comment")).toList();
        assertEquals(1, comments.size(), "the ticket is told, once");
        assertTrue(comments.get(0).body().contains("IAM Steward did not act on this update: " + reason),
                comments.get(0).body());

        // Jira reports the comment as an update of the ticket: refused again, audited again, not commented again.
        Webhooks.postJira(Webhooks.jiraIssue("jira:issue_updated", ticket, "acc-alice", user, "MAKE_ME_ADMIN", "Open",
                null), UUID.randomUUID().toString(), Webhooks.JIRA_SECRET).statusCode(202);
        inbox.runDue();
        notifications.runDue();
        assertEquals(2, as("erin", "auditor").queryParam("action", "webhook.delivery-refused")
                .queryParam("limit", 500).get("/v1/audit").then().statusCode(200).extract().jsonPath()
                .getList("items.detail", String.class).stream().filter(d -> d.contains(ticket)).count());
        assertEquals(1, LocalReceiver.RECEIVED.stream()
                .filter(r -> r.path().equals("/rest/api/3/issue/" + ticket + "/comment")).count(),
                "one comment per reason, so that the comment's own update does not start a loop");
    }

    @Test
    void noWebhookSecretOrTokenIsLogged() {
        List<String> logs = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                StringWriter trace = new StringWriter();
                if (record.getThrown() != null) {
                    record.getThrown().printStackTrace(new PrintWriter(trace));
                }
                logs.add(new SimpleFormatter().formatMessage(record) + trace);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        capture.setLevel(Level.ALL);
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            String ticket = Webhooks.uniqueTicket();
            String body = Webhooks.jiraIssue("jira:issue_created", ticket, "acc-alice", "no-such user",
                    "CREATE_USER", "Open", null);
            Webhooks.postJira(body, UUID.randomUUID().toString(), "jira-dev-secret-wrong").statusCode(401);
            Webhooks.postBearer(body, "jsm-dev-token-wrong").statusCode(401);
            Webhooks.postStandard("servicenow", "msg_x", clock.instant().getEpochSecond() - 3600, body,
                    Webhooks.SERVICENOW_SECRET).statusCode(401);
            Webhooks.postJira(body, UUID.randomUUID().toString(), Webhooks.JIRA_SECRET).statusCode(202);
            Webhooks.postBearer(body, Webhooks.JSM_TOKEN).statusCode(202);
            inbox.runDue();
            String id = Requests.submitCreateUser(Requests.uniqueUserName("quiet"));
            LocalReceiver.failFor(id, 1);
            notifications.runDue();
            clock.advance(PAST_ANY_BACKOFF);
            notifications.runDue();

            List<String> secrets = List.of(Webhooks.JIRA_SECRET, Webhooks.JIRA_SECOND_SECRET, Webhooks.JSM_TOKEN,
                    Webhooks.SERVICENOW_SECRET, Webhooks.SERVICENOW_SECOND_SECRET, LocalReceiver.SUBSCRIBER_SECRET,
                    LocalReceiver.JIRA_TOKEN, "iwglbDfyFldCjzl16a1IR226HGp7sKAi", "CnNb4+lWg7OmIJiwtmUYifgWtxwRCQM0");
            for (String secret : secrets) {
                assertTrue(logs.stream().noneMatch(line -> line.contains(secret)), "a log line holds a secret");
            }
            assertTrue(logs.stream().anyMatch(line -> line.contains("Refused a delivery to webhook source jira")),
                    "the capture saw the refusals");
            assertTrue(logs.stream().anyMatch(line -> line.contains("answered 500")), "and the failed notification");
            assertTrue(logs.stream().anyMatch(line -> line.contains("refused: ")), "and the refused ticket");
        } finally {
            root.removeHandler(capture);
        }
    }
}
