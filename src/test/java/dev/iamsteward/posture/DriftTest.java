package dev.iamsteward.posture;

import static dev.iamsteward.support.Tokens.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iamsteward.common.Secret;
import dev.iamsteward.credential.IssuedCredential;
import dev.iamsteward.execution.JobWorker;
import dev.iamsteward.iam.AccessKey;
import dev.iamsteward.iam.Attribution;
import dev.iamsteward.iam.memory.IamCall;
import dev.iamsteward.iam.memory.InMemoryIamAccount;
import dev.iamsteward.iam.memory.InMemoryIamDirectory;
import dev.iamsteward.support.Flows;
import dev.iamsteward.support.Requests;
import dev.iamsteward.support.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Drift of users the service created: changes made directly on the in-memory IAM stand for someone acting outside
 * IAM Steward, and its credential report is what the scan reads.
 */
@QuarkusTest
class DriftTest {

    private static final Attribution OUTSIDE = new Attribution(UUID.randomUUID(), "console-user", List.of());

    @Inject
    InMemoryIamDirectory iam;

    @Inject
    InMemoryIamAccount account;

    @Inject
    JobWorker worker;

    @Inject
    TestClock clock;

    @BeforeEach
    void drain() {
        Flows.drain(worker);
    }

    /**
     * Right after CreateAccessKey, IAM's key list may not show the new key yet (IAM is eventually consistent), so
     * the ledger takes the creation time from IAM's answer to CreateAccessKey and asks IAM nothing more.
     */
    @Test
    void aKeyTheServiceMadeIsRecordedWithIamsCreationTimeWithoutAnotherCall() {
        String user = Flows.managedUser(worker, "ledger", "alice");
        int before = iam.calls().size();
        Flows.approveAndRun(worker, Requests.submit("CREATE_ACCESS_KEY", user, Map.of()));

        List<String> operations = iam.calls().subList(before, iam.calls().size()).stream().map(IamCall::operation)
                .toList();
        assertEquals("CreateAccessKey", operations.get(operations.size() - 1),
                "recording the new key asked IAM nothing more: " + operations);
        String key = iam.listAccessKeys(user).get(0).accessKeyId();
        IssuedCredential row = QuarkusTransaction.requiringNew().call(() -> IssuedCredential
                .<IssuedCredential>find("kind = ?1 and credential = ?2", IssuedCredential.Kind.ACCESS_KEY, key)
                .singleResult());
        assertEquals(iam.listAccessKeys(user).get(0).createDate().truncatedTo(ChronoUnit.SECONDS), row.madeAt);
        assertEquals(IssuedCredential.State.ACTIVE, row.state);
    }

    @Test
    void anActiveKeyMadeOutsideIsHighDriftAndItsRemediationDeactivatesIt() {
        String user = Flows.managedUser(worker, "keyed", "alice");
        String ours = newKey(user);
        clock.advance(Duration.ofMinutes(5));
        AccessKey theirs = iam.createAccessKey(user, OUTSIDE).key();

        JsonPath found = scan(user);

        assertEquals(List.of("DRIFTED_ACCESS_KEY"), found.getList("items.kind"), "our own key is no drift");
        assertEquals("HIGH", found.getString("items[0].severity"));
        assertEquals("key:" + user + ":" + theirs.createDate().truncatedTo(ChronoUnit.SECONDS),
                found.getString("items[0].subject"));
        assertTrue(found.getString("items[0].evidence.differences").contains("made outside IAM Steward"),
                found.prettify());
        String requestId = as("dave", "admin").post("/v1/findings/{id}/remediate", found.getString("items[0].id"))
                .then().statusCode(202).body("type", equalTo("DEACTIVATE_ACCESS_KEY"))
                .body("accessKeyId", equalTo(theirs.accessKeyId())).body("status", equalTo("PENDING_APPROVAL"))
                .extract().path("id");
        Flows.approveAndRun(worker, requestId);

        assertEquals(AccessKey.Status.INACTIVE, status(user, theirs.accessKeyId()));
        assertEquals(AccessKey.Status.ACTIVE, status(user, ours));
        assertEquals(List.of(), scan(user).getList("items.kind"), "deactivated through a request: known now");
        as("erin", "auditor").get("/v1/findings/{id}", found.getString("items[0].id")).then()
                .body("status", equalTo("RESOLVED"));
    }

    @Test
    void aKeyTheServiceDeactivatedThatIsActiveAgainIsDrift() {
        String user = Flows.managedUser(worker, "again", "alice");
        String key = newKey(user);
        Requests.submit("DEACTIVATE_ACCESS_KEY", user, Map.of("accessKeyId", key));
        worker.runDueJobs();
        assertEquals(AccessKey.Status.INACTIVE, status(user, key));
        assertEquals(List.of(), scan(user).getList("items.kind"));

        iam.updateAccessKey(user, key, AccessKey.Status.ACTIVE, OUTSIDE);

        JsonPath found = scan(user);
        assertEquals(List.of("DRIFTED_ACCESS_KEY"), found.getList("items.kind"));
        assertTrue(found.getString("items[0].evidence.differences").contains("IAM Steward deactivated this key"),
                found.prettify());
    }

    @Test
    void consoleAccessGivenOutsideIsHighDriftOfTheUserAndItsRemediationOffboardsIt() {
        String user = Flows.managedUser(worker, "console", "alice");
        iam.createLoginProfile(user, Secret.of("Outside-the-door-1!"), false, OUTSIDE);

        JsonPath found = scan(user);

        JsonPath drift = new JsonPath(found.prettify()).setRootPath("items.find { it.kind == 'DRIFTED_USER' }");
        assertEquals("HIGH", drift.getString("severity"));
        assertEquals("true", drift.getString("evidence.password_enabled"));
        assertTrue(drift.getString("evidence.differences").contains("console access was given outside"),
                found.prettify());
        as("dave", "admin").post("/v1/findings/{id}/remediate", drift.getString("id")).then().statusCode(202)
                .body("type", equalTo("OFFBOARD_USER")).body("userName", equalTo(user))
                .body("status", equalTo("PENDING_APPROVAL"));
    }

    @Test
    void theServicesOwnConsoleAccessIsNotDriftButItsRemovalOutsideIs() {
        String user = Flows.managedUser(worker, "granted", "alice");
        Flows.approveAndRun(worker, Requests.submit("GRANT_CONSOLE_ACCESS", user, Map.of()));
        assertEquals(List.of(), driftKinds(scan(user)));

        iam.deleteLoginProfile(user, OUTSIDE);

        JsonPath found = scan(user);
        assertEquals(List.of("DRIFTED_USER"), driftKinds(found));
        as("erin", "auditor").get("/v1/findings?kind=DRIFTED_USER&status=OPEN&limit=500").then()
                .body("items.find { it.userName == '" + user + "' }.severity", equalTo("MEDIUM"))
                .body("items.find { it.userName == '" + user + "' }.evidence.differences",
                        containsString("console access was removed outside IAM Steward"));
    }

    private String newKey(String user) {
        String requestId = Requests.submit("CREATE_ACCESS_KEY", user, Map.of());
        Flows.approveAndRun(worker, requestId);
        return iam.listAccessKeys(user).get(0).accessKeyId();
    }

    /** A scan on a fresh report; the user's open findings, as {@code items}. */
    private JsonPath scan(String user) {
        account.reset();
        as("dave", "admin").post("/v1/findings/scan").then().statusCode(200);
        List<Map<String, Object>> mine = as("erin", "auditor").get("/v1/findings?status=OPEN&limit=500").then()
                .statusCode(200).extract().jsonPath().getList("items.findAll { it.userName == '" + user + "' }");
        try {
            return JsonPath.from(new ObjectMapper().writeValueAsString(Map.of("items", mine)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> driftKinds(JsonPath found) {
        return found.getList("items.kind", String.class).stream().filter(k -> k.startsWith("DRIFTED")).toList();
    }

    private AccessKey.Status status(String user, String keyId) {
        return iam.listAccessKeys(user).stream().filter(k -> k.accessKeyId().equals(keyId)).findFirst()
                .orElseThrow().status();
    }
}
