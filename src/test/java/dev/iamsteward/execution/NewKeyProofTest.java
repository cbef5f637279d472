package dev.iamsteward.execution;

import static dev.iamsteward.support.Requests.submit;
import static dev.iamsteward.support.Tokens.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamsteward.iam.AccessKey;
import dev.iamsteward.iam.memory.InMemoryIamDirectory;
import dev.iamsteward.support.Flows;
import dev.iamsteward.support.Secrets;
import dev.iamsteward.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A request's new access key is proven with GetCallerIdentity before its secret can be fetched, against the
 * in-memory IAM with a propagation delay (the proof's waits are milliseconds in tests).
 */
@QuarkusTest
class NewKeyProofTest {

    private static final String OWNER = "olivia";

    @Inject
    JobWorker worker;

    @Inject
    InMemoryIamDirectory iam;

    @Inject
    TestClock clock;

    @BeforeEach
    void drainLeftoverJobs() {
        Flows.drain(worker);
    }

    @AfterEach
    void keysSpreadAtOnceAgain() {
        iam.delayKeyPropagation(0, Duration.ZERO);
    }

    @Test
    void aKeyThatSpreadsWithinTheProofIsProvenAndItsSecretReady() {
        String user = Flows.managedUser(worker, "proof", OWNER);
        iam.delayKeyPropagation(3, Duration.ZERO);

        String id = Flows.approveAndRun(worker, submit("CREATE_ACCESS_KEY", user, Map.of()));

        ExtractableResponse<Response> view = as(OWNER, "requester").get("/v1/requests/{id}", id).then()
                .body("status", equalTo("SUCCEEDED"))
                .body("secrets[0].keyProof.state", equalTo("PROVEN"))
                .body("secrets[0].keyProof.checks", equalTo(4))
                .body("secrets[0].keyProof.provenAt", notNullValue())
                .body("secrets[0].keyProof.failure", nullValue())
                .extract();
        Secrets.retrieve(OWNER, view.path("secrets[0].id")).statusCode(200)
                .body("label", equalTo(view.path("secrets[0].label")));
    }

    @Test
    void theSecretIsNotReadyBeforeProofAndTheJobRetriesTheProofAlone() {
        String user = Flows.managedUser(worker, "proof", OWNER);
        iam.delayKeyPropagation(1000, Duration.ZERO);

        String id = Flows.approveAndRun(worker, submit("CREATE_ACCESS_KEY", user, Map.of()));

        ExtractableResponse<Response> pending = as(OWNER, "requester").get("/v1/requests/{id}", id).then()
                .body("status", equalTo("EXECUTING"))
                .body("secrets[0].keyProof.state", equalTo("PENDING"))
                .body("secrets[0].keyProof.checks", equalTo(5))
                .body("secrets[0].keyProof.provenAt", nullValue())
                .body("secrets[0].keyProof.failure", containsString("InvalidClientTokenId"))
                .extract();
        String delivery = pending.path("secrets[0].id");
        String keyId = pending.path("secrets[0].label");
        Secrets.retrieve(OWNER, delivery).statusCode(409)
                .body("type", equalTo("urn:iam-steward:problem:secret-not-ready"));

        iam.delayKeyPropagation(0, Duration.ZERO);
        clock.advance(Duration.ofMinutes(10));
        Flows.drain(worker);

        as(OWNER, "requester").get("/v1/requests/{id}", id).then()
                .body("status", equalTo("SUCCEEDED"))
                .body("secrets[0].keyProof.state", equalTo("PROVEN"))
                .body("secrets[0].keyProof.checks", equalTo(6));
        assertEquals(List.of(keyId), iam.listAccessKeys(user).stream().map(AccessKey::accessKeyId).toList(),
                "the retry proved the key it had made, and made no other");
        Secrets.retrieve(OWNER, delivery).statusCode(200).body("label", equalTo(keyId));
    }

    @Test
    void aKeyNeverProvenFailsTheRequestOnItsLastAttemptAndItsSecretIsNeverHandedOut() {
        String user = Flows.managedUser(worker, "proof", OWNER);
        iam.delayKeyPropagation(100_000, Duration.ZERO);

        String id = Flows.approveAndRun(worker, submit("CREATE_ACCESS_KEY", user, Map.of()));
        for (int i = 0; i < 12 && !"FAILED".equals(status(id)); i++) {
            clock.advance(Duration.ofMinutes(10));
            Flows.drain(worker);
        }

        ExtractableResponse<Response> failed = as(OWNER, "requester").get("/v1/requests/{id}", id).then()
                .body("status", equalTo("FAILED"))
                .body("failureReason", containsString("did not authenticate"))
                .body("secrets[0].keyProof.state", equalTo("FAILED"))
                .body("secrets[0].keyProof.checks", equalTo(8 * 5))
                .extract();
        String reason = failed.path("failureReason");
        assertTrue(reason.contains("never handed out"), reason);
        Secrets.retrieve(OWNER, failed.path("secrets[0].id")).statusCode(409)
                .body("type", equalTo("urn:iam-steward:problem:secret-not-ready"));
        assertEquals(1, iam.listAccessKeys(user).size(), "the unproven key stays in IAM, as documented");
    }

    private static String status(String id) {
        return as(OWNER, "requester").get("/v1/requests/{id}", id).then().extract().path("status");
    }
}
