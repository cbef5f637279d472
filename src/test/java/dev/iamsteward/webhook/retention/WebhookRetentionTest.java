package dev.iamsteward.webhook.retention;

import static dev.iamsteward.support.Tokens.as;
import static dev.iamsteward.support.Webhooks.jiraIssue;
import static dev.iamsteward.support.Webhooks.postJira;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.iamsteward.queue.Phase;
import dev.iamsteward.common.Roles;
import dev.iamsteward.support.Requests;
import dev.iamsteward.support.TestClock;
import dev.iamsteward.support.Webhooks;
import dev.iamsteward.webhook.Signatures;
import dev.iamsteward.webhook.inbound.InboundDelivery;
import dev.iamsteward.webhook.inbound.InboxWorker;
import dev.iamsteward.webhook.outbound.Notification;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The sweep deletes processed deliveries and delivered notifications past the retention, and nothing else; the
 * failed deliveries it keeps are listed for admins.
 */
@QuarkusTest
class WebhookRetentionTest {

    private static final Duration PAST_RETENTION = Duration.ofDays(31);

    @Inject
    InboxWorker inbox;

    @Inject
    WebhookRetention retention;

    @Inject
    TestClock clock;

    @Test
    void whatIsDoneOrDeliveredIsDeletedAfterTheRetentionAndFailuresStay() {
        String old = deliver(body());
        UUID failed = QuarkusTransaction.requiringNew().call(() -> failedDelivery(clock.instant()));
        UUID sent = QuarkusTransaction.requiringNew().call(() -> notification(clock.instant(), true));
        UUID undelivered = QuarkusTransaction.requiringNew().call(() -> notification(clock.instant(), false));
        clock.advance(PAST_RETENTION);
        String recentBody = body();
        String recent = deliver(recentBody);

        retention.sweep();

        assertNull(delivery(old), "processed more than 30 days ago");
        assertNotNull(delivery(recent), "processed just now");
        assertEquals(InboundDelivery.State.FAILED, QuarkusTransaction.requiringNew().call(() ->
                InboundDelivery.<InboundDelivery>find("deliveryId", failed.toString()).singleResult().state));
        assertNull(QuarkusTransaction.requiringNew().call(() -> Notification.findById(sent)));
        assertNotNull(QuarkusTransaction.requiringNew().call(() -> Notification.findById(undelivered)));
        postJira(recentBody, recent, Webhooks.JIRA_SECRET).statusCode(200).body("duplicate", equalTo(true));
    }

    @Test
    void failedDeliveriesAreListedForAdminsAndProcessedOnesAreNot() {
        UUID failed = QuarkusTransaction.requiringNew().call(() -> failedDelivery(clock.instant()));
        String done = deliver(body());

        JsonPath page = as("dave", Roles.ADMIN).queryParam("limit", 500).get("/v1/webhooks/failed").then()
                .statusCode(200).extract().jsonPath();

        String item = "items.find { it.deliveryId == '" + failed + "' }";
        assertEquals("FAILED", page.getString(item + ".state"));
        assertEquals("jira", page.getString(item + ".sourceId"));
        assertEquals("internal error", page.getString(item + ".lastError"));
        assertFalse(page.getList("items.deliveryId").contains(done));
        as("dave", Roles.ADMIN).get("/v1/webhooks/failed?cursor=garbage").then().statusCode(400);
    }

    /** A Jira delivery, processed; answers its delivery id. */
    private String deliver(String body) {
        String id = UUID.randomUUID().toString();
        postJira(body, id, Webhooks.JIRA_SECRET).statusCode(202);
        while (inbox.runDue() > 0) {
            // until this one, and any other test's, is processed
        }
        assertEquals(InboundDelivery.State.DONE, delivery(id).state);
        return id;
    }

    private static String body() {
        return jiraIssue("jira:issue_created", Webhooks.uniqueTicket(), "acc-alice", Requests.uniqueUserName("kept"),
                "CREATE_USER", "Open", null);
    }

    private static InboundDelivery delivery(String deliveryId) {
        return QuarkusTransaction.requiringNew().call(() -> InboundDelivery.<InboundDelivery>find("deliveryId",
                deliveryId).firstResult());
    }

    private static UUID failedDelivery(Instant at) {
        UUID id = UUID.randomUUID();
        InboundDelivery delivery = new InboundDelivery();
        delivery.sourceId = "jira";
        delivery.deliveryId = id.toString();
        delivery.bodySha256 = Signatures.sha256Hex(new byte[0]);
        delivery.body = new byte[0];
        delivery.state = InboundDelivery.State.QUEUED;
        delivery.runAfter = at;
        delivery.receivedAt = at;
        delivery.finish(Phase.FAILED, "internal error", at);
        delivery.persist();
        return id;
    }

    private static UUID notification(Instant at, boolean delivered) {
        Notification n = Notification.of("subscriber:gone", "request.submitted", null, "{}", at);
        if (delivered) {
            n.delivered(at);
        } else {
            n.finish(Phase.FAILED, "answered 500", at);
        }
        n.persist();
        return n.id;
    }
}
