package dev.iamsteward.execution;

import static dev.iamsteward.support.Requests.approve;
import static dev.iamsteward.support.Requests.submit;
import static dev.iamsteward.support.Tokens.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamsteward.audit.AuditLog;
import dev.iamsteward.common.Secret;
import dev.iamsteward.iam.AccessKey;
import dev.iamsteward.iam.Attribution;
import dev.iamsteward.iam.Totp;
import dev.iamsteward.iam.memory.InMemoryIamDirectory;
import dev.iamsteward.support.Flows;
import dev.iamsteward.support.Secrets;
import dev.iamsteward.support.TestClock;
import io.restassured.http.ContentType;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Credentials made by a call whose answer was lost (a timeout) or whose worker died before sealing the secret: the
 * next attempt finds them through the intent committed before the call, removes them, and makes one that is
 * delivered. IAM is left holding exactly the credential the owner received.
 */
@QuarkusTest
class LostAnswerTest {

    private static final String OWNER = "olivia";
    private static final Duration PAST_ANY_BACKOFF = Duration.ofHours(1);

    @Inject
    JobWorker worker;

    @Inject
    JobQueue queue;

    @Inject
    RequestExecutor executor;

    @Inject
    InMemoryIamDirectory iam;

    @Inject
    TestClock clock;

    @Inject
    AuditLog audit;

    @Inject
    ExecutionConfig config;

    @BeforeEach
    void drainLeftoverJobs() {
        Flows.drain(worker);
    }

    @AfterEach
    void clearFaults() {
        iam.faults().clear();
    }

    @Test
    void aKeyWhoseAnswerWasLostIsDeletedAndTheRequestDeliversExactlyOneKey() {
        String user = Flows.managedUser(worker, "lost-key", OWNER);
        String id = submit("CREATE_ACCESS_KEY", user, Map.of());
        iam.faults().loseAnswerNext("CreateAccessKey", 2);

        approve(id);
        worker.runDueJobs();
        clock.advance(PAST_ANY_BACKOFF);
        worker.runDueJobs();
        clock.advance(PAST_ANY_BACKOFF);
        worker.runDueJobs();

        String delivered = as(OWNER, "requester").get("/v1/requests/{id}", id).then()
                .body("status", equalTo("SUCCEEDED"))
                .body("comments.author", hasItem("system:iam-steward"))
                .body("comments.text", hasItem(containsString("whose answer was lost")))
                .extract().path("secrets[0].label");
        assertEquals(List.of(delivered), keyIds(user), "IAM holds exactly the delivered key");
        assertEquals(3, calls("CreateAccessKey", user));
        assertEquals(2, audited(id, "execution.orphan-removed"));
        assertEquals(2, calls("UpdateAccessKey", user), "each lost key is deactivated before it is deleted");
    }

    @Test
    void aKeyMadeJustBeforeTheWorkerDiedIsReplacedWhenAnotherWorkerResumes() {
        String user = Flows.managedUser(worker, "crash-key", OWNER);
        String id = submit("CREATE_ACCESS_KEY", user, Map.of());
        approve(id);
        ExecutionOrder order = queue.claimNext("worker-that-dies").orElseThrow();
        assertTrue(queue.planChecked(order, "worker-that-dies"));
        int step = stepOf(order, "iam:CreateAccessKey");
        iam.faults().failAfterEffectNext("CreateAccessKey", 1, () -> new IllegalStateException("killed"));

        assertThrows(IllegalStateException.class, () -> executor.runStep(order, step));
        assertEquals(1, keyIds(user).size(), "the dead worker's key is in IAM, its secret nowhere");

        clock.advance(config.lease().plusSeconds(1));
        worker.runDueJobs();

        String delivered = as(OWNER, "requester").get("/v1/requests/{id}", id).then()
                .body("status", equalTo("SUCCEEDED")).extract().path("secrets[0].label");
        assertEquals(List.of(delivered), keyIds(user));
        assertEquals(1, audited(id, "execution.orphan-removed"));
    }

    @Test
    void whenRetriesRunOutTheRequestFailsAndLeavesNoKeyBehind() {
        String user = Flows.managedUser(worker, "lost-all", OWNER);
        String id = submit("CREATE_ACCESS_KEY", user, Map.of());
        iam.faults().loseAnswerNext("CreateAccessKey", config.maxAttempts());

        approve(id);
        for (int i = 0; i < config.maxAttempts(); i++) {
            worker.runDueJobs();
            clock.advance(PAST_ANY_BACKOFF);
        }

        as(OWNER, "requester").get("/v1/requests/{id}", id).then().body("status", equalTo("FAILED"));
        assertEquals(List.of(), keyIds(user));
        assertEquals(config.maxAttempts(), calls("CreateAccessKey", user));
    }

    @Test
    void aKeyNobodyIntendedIsSomeoneElsesAndIsLeftAlone() {
        String user = Flows.managedUser(worker, "outside-key", OWNER);
        String id = submit("CREATE_ACCESS_KEY", user, Map.of());
        approve(id);
        ExecutionOrder order = queue.claimNext("worker-a").orElseThrow();
        assertTrue(queue.planChecked(order, "worker-a"));
        String outside = iam.createAccessKey(user, new Attribution(UUID.randomUUID(), "someone", List.of()))
                .key().accessKeyId();

        ExecutionFailure refused = assertThrows(ExecutionFailure.class,
                () -> executor.runStep(order, stepOf(order, "iam:CreateAccessKey")));

        assertTrue(refused.getMessage().contains(outside), refused.getMessage());
        assertEquals(List.of(outside), keyIds(user));
        assertEquals(0, calls("CreateAccessKey", user) - 1, "nothing was created");
    }

    @Test
    void anMfaDeviceWhoseAnswerWasLostIsReplacedAndTheDeliveredSeedEnablesTheDevice() {
        String user = Flows.managedUser(worker, "lost-mfa", OWNER);
        String id = submit("ENROL_MFA", user, Map.of());
        iam.faults().loseAnswerNext("CreateVirtualMFADevice", 1);

        approve(id);
        worker.runDueJobs();
        clock.advance(PAST_ANY_BACKOFF);
        worker.runDueJobs();

        String delivery = as(OWNER, "requester").get("/v1/requests/{id}", id).then()
                .body("status", equalTo("AWAITING_MFA_CODES")).extract().path("secrets[0].id");
        Secret seed = Secret.of(Secrets.retrieve(OWNER, delivery).statusCode(200).extract().path("secret"));
        as(OWNER, "requester").contentType(ContentType.JSON)
                .body(Map.of("code1", Totp.codeAt(seed, clock.instant()),
                        "code2", Totp.codeAt(seed, clock.instant().plusSeconds(30))))
                .post("/v1/requests/{id}/mfa-codes", id).then().statusCode(200);
        worker.runDueJobs();

        as(OWNER, "requester").get("/v1/requests/{id}", id).then().body("status", equalTo("SUCCEEDED"));
        assertEquals(1, iam.listMfaDevices(user).size());
        assertEquals(2, iam.calls().stream().filter(c -> c.operation().equals("CreateVirtualMFADevice")
                && c.attribution() != null && c.attribution().requestId().toString().equals(id)).count());
        assertEquals(1, audited(id, "execution.orphan-removed"));
    }

    private List<String> keyIds(String user) {
        return iam.listAccessKeys(user).stream().map(AccessKey::accessKeyId).toList();
    }

    private long calls(String operation, String user) {
        return iam.calls().stream().filter(c -> c.operation().equals(operation) && user.equals(c.userName()))
                .count();
    }

    private long audited(String id, String action) {
        return audit.forRequest(UUID.fromString(id)).stream().filter(e -> e.action.equals(action)).count();
    }

    private static int stepOf(ExecutionOrder order, String action) {
        for (int i = 0; i < order.plan().size(); i++) {
            if (order.plan().get(i).action().equals(action)) {
                return i;
            }
        }
        throw new AssertionError("no " + action + " in the plan");
    }

}
