package dev.iamsteward.webhook.outbound;

import static dev.iamsteward.support.Tokens.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iamsteward.common.Roles;
import dev.iamsteward.common.Secret;
import dev.iamsteward.execution.JobWorker;
import dev.iamsteward.iam.Attribution;
import dev.iamsteward.iam.CredentialReport;
import dev.iamsteward.iam.memory.InMemoryIamAccount;
import dev.iamsteward.iam.memory.InMemoryIamDirectory;
import dev.iamsteward.support.Flows;
import dev.iamsteward.support.TestClock;
import dev.iamsteward.webhook.Signatures;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A scan that opens a HIGH or CRITICAL finding notifies subscribers once, signed; later scans add nothing. */
@QuarkusTest
@WithTestResource(value = LocalReceiver.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class FindingNotificationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Attribution OUTSIDE = new Attribution(UUID.randomUUID(), "console-user", List.of());

    @Inject
    InMemoryIamAccount account;

    @Inject
    InMemoryIamDirectory iam;

    @Inject
    NotificationWorker notifications;

    @Inject
    JobWorker jobs;

    @Inject
    TestClock clock;

    /** A secure root user, scanned, so that root findings any earlier test opened are resolved. */
    @BeforeEach
    void secureAccount() {
        account.reset();
        Flows.drain(jobs);
        scan();
        send();
    }

    @Test
    void criticalRootFindingsAreNotifiedOnceSignedAndAMediumOneNotAtAll() throws Exception {
        String user = Flows.managedUser(jobs, "stale", "alice");
        iam.createAccessKey(user, OUTSIDE);
        clock.advance(Duration.ofDays(91));
        Instant now = clock.instant();
        account.setRoot(new InMemoryIamAccount.Root(now.minus(Duration.ofDays(900)), false,
                now.minus(Duration.ofDays(2)), List.of(new CredentialReport.KeySlot(1, true,
                        now.minus(Duration.ofDays(700)), null, null, null))));
        int mark = LocalReceiver.RECEIVED.size();

        scan();
        send();

        String keys = openFinding("ROOT_ACCESS_KEYS", "subject", "root");
        String mfa = openFinding("ROOT_MFA_DISABLED", "subject", "root");
        String old = openFinding("KEY_TOO_OLD", "userName", user);
        List<LocalReceiver.Received> about = since(mark, keys);
        assertEquals(1, about.size());
        assertEquals(1, since(mark, mfa).size());
        assertEquals(0, since(mark, old).size(), "a MEDIUM finding is no notification");
        LocalReceiver.Received received = about.get(0);
        assertEquals("/hooks", received.path());
        assertTrue(Signatures.standardMatches(List.of(Secret.of(LocalReceiver.SUBSCRIBER_SECRET)),
                received.header("webhook-id"), Long.parseLong(received.header("webhook-timestamp")),
                received.body().getBytes(StandardCharsets.UTF_8), received.header("webhook-signature")));
        JsonNode payload = JSON.readTree(received.body());
        assertEquals("finding.opened", payload.path("type").asText());
        JsonNode data = payload.path("data");
        assertEquals(keys, data.path("findingId").asText());
        assertEquals("default", data.path("account").asText());
        assertEquals("ROOT_ACCESS_KEYS", data.path("kind").asText());
        assertEquals("CRITICAL", data.path("severity").asText());
        assertEquals("root", data.path("subject").asText());
        assertTrue(data.path("evidence").asText().contains("AccountAccessKeysPresent=1"), data.toString());
        assertTrue(data.path("whatToDo").asText().contains("delete every root access key"), data.toString());

        clock.advance(InMemoryIamAccount.REPORT_LIFETIME.plusMinutes(1));
        scan();
        send();

        assertEquals(keys, openFinding("ROOT_ACCESS_KEYS", "subject", "root"), "the same finding, seen again");
        assertEquals(1, since(mark, keys).size(), "nothing new for a finding already open");
        assertEquals(1, since(mark, mfa).size());
    }

    @Test
    void aResolvedFindingThatComesBackIsNotifiedAgain() {
        InMemoryIamAccount.Root withoutMfa = new InMemoryIamAccount.Root(clock.instant().minus(Duration.ofDays(900)),
                false, null, List.of());
        int mark = LocalReceiver.RECEIVED.size();
        account.setRoot(withoutMfa);
        scan();
        String mfa = openFinding("ROOT_MFA_DISABLED", "subject", "root");
        account.reset();
        scan();
        account.setRoot(withoutMfa);
        scan();
        send();

        assertEquals(mfa, openFinding("ROOT_MFA_DISABLED", "subject", "root"), "the same finding, open again");
        assertEquals(2, since(mark, mfa).size(), "once when it opened, once when it came back");
    }

    /** What the receiver got about {@code id} since it had got {@code mark} requests. */
    private static List<LocalReceiver.Received> since(int mark, String id) {
        List<LocalReceiver.Received> all = List.copyOf(LocalReceiver.RECEIVED);
        return all.subList(mark, all.size()).stream().filter(r -> r.body().contains(id)).toList();
    }

    private void send() {
        while (notifications.runDue() > 0) {
            // every notification due now, including those other tests left behind
        }
    }

    private static void scan() {
        as("dave", Roles.ADMIN).post("/v1/findings/scan").then().statusCode(200);
    }

    private static String openFinding(String kind, String field, String value) {
        String id = as("erin", Roles.AUDITOR).queryParam("kind", kind).queryParam("status", "OPEN")
                .queryParam("limit", 500).get("/v1/findings").then().statusCode(200).extract().jsonPath()
                .getString("items.find { it." + field + " == '" + value + "' }.id");
        assertTrue(id != null, "an open " + kind + " finding");
        return id;
    }
}
