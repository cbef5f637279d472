package dev.iamsteward.webhook.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iamsteward.account.AccountSettings;
import dev.iamsteward.common.Secret;
import dev.iamsteward.execution.JobWorker;
import dev.iamsteward.iam.Attribution;
import dev.iamsteward.iam.memory.InMemoryIamAccount;
import dev.iamsteward.iam.memory.InMemoryIamDirectory;
import dev.iamsteward.rotation.RotationSweep;
import dev.iamsteward.support.Flows;
import dev.iamsteward.support.TestClock;
import dev.iamsteward.webhook.Signatures;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A rotation tells its user's owner, signed, when the new key waits, when blocked, deactivated and completed. */
@QuarkusTest
@WithTestResource(value = LocalReceiver.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class RotationNotificationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Attribution OUTSIDE = new Attribution(UUID.randomUUID(), "tool-owner", List.of());

    @Inject
    InMemoryIamAccount account;

    @Inject
    InMemoryIamDirectory iam;

    @Inject
    NotificationWorker notifications;

    @Inject
    JobWorker jobs;

    @Inject
    RotationSweep sweep;

    @Inject
    TestClock clock;

    @Test
    void theOwnerIsToldOfEachMomentWithKeyIdsAndTheDeliveryLinkButNoSecret() throws Exception {
        Flows.drain(jobs);
        String user = Flows.managedUser(jobs, "notified", "carol");
        String blocked = Flows.managedUser(jobs, "notified-two", "carol");
        String old = iam.createAccessKey(user, OUTSIDE).key().accessKeyId();
        iam.createAccessKey(blocked, OUTSIDE);
        iam.createAccessKey(blocked, OUTSIDE);
        clock.advance(Duration.ofDays(91));
        int mark = LocalReceiver.RECEIVED.size();

        sweepAndSend();
        sweepAndSend();
        JsonNode ready = only(mark, "rotation.key-ready", user);
        assertEquals(AccountSettings.DEFAULT, ready.path("account").asText(), "the account the key is in");
        assertEquals("carol", ready.path("owner").asText());
        assertEquals(old, ready.path("oldKeyId").asText());
        String newKey = ready.path("newKeyId").asText();
        assertTrue(ready.path("deliveryLink").asText().matches("/v1/deliveries/[0-9a-f-]{36}/retrieve"),
                ready.toString());
        JsonNode block = only(mark, "rotation.blocked", blocked);
        assertEquals("carol", block.path("owner").asText());
        assertEquals(AccountSettings.DEFAULT, block.path("account").asText());
        assertTrue(block.path("note").asText().contains("active too"), block.toString());

        clock.advance(Duration.ofDays(8));
        sweepAndSend();
        sweepAndSend();
        JsonNode deactivated = only(mark, "rotation.old-key-deactivated", user);
        assertEquals(newKey, deactivated.path("newKeyId").asText());
        assertEquals(AccountSettings.DEFAULT, deactivated.path("account").asText());
        clock.advance(Duration.ofDays(8));
        sweepAndSend();
        sweepAndSend();
        JsonNode completed = only(mark, "rotation.completed", user);
        assertEquals(old, completed.path("oldKeyId").asText());
        assertEquals(AccountSettings.DEFAULT, completed.path("account").asText());

        for (LocalReceiver.Received received : since(mark, user)) {
            assertTrue(Signatures.standardMatches(List.of(Secret.of(LocalReceiver.SUBSCRIBER_SECRET)),
                    received.header("webhook-id"), Long.parseLong(received.header("webhook-timestamp")),
                    received.body().getBytes(StandardCharsets.UTF_8), received.header("webhook-signature")));
            assertFalse(received.body().toLowerCase().contains("secret"), received.body());
        }
    }

    /** The one notification of this type about this user since {@code mark}, as its data. */
    private static JsonNode only(int mark, String type, String user) throws Exception {
        List<JsonNode> found = new java.util.ArrayList<>();
        for (LocalReceiver.Received r : since(mark, user)) {
            JsonNode payload = JSON.readTree(r.body());
            if (payload.path("type").asText().equals(type)
                    && payload.path("data").path("userName").asText().equals(user)) {
                found.add(payload.path("data"));
            }
        }
        assertEquals(1, found.size(), type + " for " + user);
        return found.get(0);
    }

    private static List<LocalReceiver.Received> since(int mark, String user) {
        List<LocalReceiver.Received> all = List.copyOf(LocalReceiver.RECEIVED);
        return all.subList(mark, all.size()).stream().filter(r -> r.body().contains("\"" + user + "\"")).toList();
    }

    private void sweepAndSend() {
        account.reset();
        sweep.sweep();
        jobs.runDueJobs();
        while (notifications.runDue() > 0) {
            // every notification due now
        }
    }
}
