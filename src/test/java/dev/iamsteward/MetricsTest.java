package dev.iamsteward;

import static dev.iamsteward.support.Tokens.as;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamsteward.execution.JobWorker;
import dev.iamsteward.iam.Attribution;
import dev.iamsteward.iam.memory.InMemoryIamAccount;
import dev.iamsteward.iam.memory.InMemoryIamDirectory;
import dev.iamsteward.posture.Finding;
import dev.iamsteward.posture.FindingKind;
import dev.iamsteward.posture.FindingStatus;
import dev.iamsteward.request.AccessRequest;
import dev.iamsteward.request.RequestStatus;
import dev.iamsteward.rotation.RotationSweep;
import dev.iamsteward.support.Flows;
import dev.iamsteward.support.Requests;
import dev.iamsteward.support.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The service's own series at /q/metrics, after a posture scan, a rotation sweep and the jobs it queued. */
@QuarkusTest
class MetricsTest {

    private static final Attribution OUTSIDE = new Attribution(UUID.randomUUID(), "tool-owner", List.of());

    @Inject
    RotationSweep sweep;

    @Inject
    InMemoryIamDirectory iam;

    @Inject
    InMemoryIamAccount account;

    @Inject
    JobWorker worker;

    @Inject
    TestClock clock;

    @Test
    void keysFindingsRotationsPendingRequestsAndLatencyAreExposed() {
        Flows.drain(worker);
        String user = Flows.managedUser(worker, "metric", "alice");
        iam.createAccessKey(user, OUTSIDE);
        clock.advance(Duration.ofDays(91));
        Map<String, Double> before = scrape();

        account.reset();
        as("dave", "admin").post("/v1/findings/scan").then().statusCode(200);
        account.reset();
        sweep.sweep();
        Flows.drain(worker);
        Requests.submitCreateUser(Requests.uniqueUserName("pending"));
        Map<String, Double> after = scrape();

        assertTrue(after.get("steward_access_keys{account=\"default\",bucket=\"90-180d\"}") >= 1,
                "the 91-day-old key: " + after);
        for (String bucket : List.of("0-30d", "30-90d", "180d+")) {
            assertTrue(after.get("steward_access_keys{account=\"default\",bucket=\"" + bucket + "\"}") >= 0, bucket);
        }
        assertEquals(openFindings(FindingKind.KEY_TOO_OLD),
                after.get("steward_findings_open{kind=\"KEY_TOO_OLD\",severity=\"MEDIUM\"}"));
        assertTrue(openFindings(FindingKind.KEY_TOO_OLD) >= 1);
        assertEquals(0.0, after.get("steward_findings_open{kind=\"ROOT_MFA_DISABLED\",severity=\"CRITICAL\"}"));

        assertTrue(delta(before, after, "steward_rotations_total{outcome=\"started\"}") >= 1, after.toString());
        for (String outcome : List.of("blocked", "deactivated", "deleted", "failed", "rolled_back")) {
            assertTrue(after.containsKey("steward_rotations_total{outcome=\"" + outcome + "\"}"), outcome);
        }

        double pending = QuarkusTransaction.requiringNew().call(() -> AccessRequest.count("status",
                RequestStatus.PENDING_APPROVAL));
        assertTrue(pending >= 1);
        assertEquals(pending, after.get("steward_requests_pending"));

        String latency = "steward_execution_latency_seconds_%s{outcome=\"succeeded\",type=\"CREATE_ACCESS_KEY\"}";
        assertTrue(delta(before, after, latency.formatted("count")) >= 1, after.toString());
        double seconds = after.get(latency.formatted("sum"));
        assertTrue(seconds >= 0 && seconds < Duration.ofDays(1).toSeconds(), "approval to outcome: " + seconds);
        assertTrue(after.containsKey("steward_execution_latency_seconds_count{outcome=\"succeeded\","
                + "type=\"CREATE_USER\"}"));
    }

    private static double openFindings(FindingKind kind) {
        return QuarkusTransaction.requiringNew().call(() -> Finding.count("kind = ?1 and status = ?2", kind,
                FindingStatus.OPEN));
    }

    private static double delta(Map<String, Double> before, Map<String, Double> after, String series) {
        return after.getOrDefault(series, 0.0) - before.getOrDefault(series, 0.0);
    }

    /** The steward_* samples, by name and labels as Prometheus prints them, without their trace exemplars. */
    private static Map<String, Double> scrape() {
        String body = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Map<String, Double> samples = new HashMap<>();
        for (String sample : body.split("\n")) {
            int exemplar = sample.indexOf(" # {");
            String line = exemplar < 0 ? sample : sample.substring(0, exemplar);
            if (line.startsWith("steward_") && !line.startsWith("steward_webhook_")) {
                int space = line.lastIndexOf(' ');
                samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
            }
        }
        return samples;
    }
}
