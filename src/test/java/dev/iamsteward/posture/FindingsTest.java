package dev.iamsteward.posture;

import static dev.iamsteward.support.Tokens.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamsteward.execution.JobWorker;
import dev.iamsteward.iam.AccessKey;
import dev.iamsteward.iam.Attribution;
import dev.iamsteward.iam.CredentialReport;
import dev.iamsteward.iam.NewUser;
import dev.iamsteward.iam.memory.InMemoryIamAccount;
import dev.iamsteward.iam.memory.InMemoryIamDirectory;
import dev.iamsteward.support.Flows;
import dev.iamsteward.support.Requests;
import dev.iamsteward.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Findings from the in-memory IAM's credential report and summary, over HTTP, and their remediation. */
@QuarkusTest
class FindingsTest {

    private static final Attribution OUTSIDE = new Attribution(UUID.randomUUID(), "console-user", List.of());
    private static final String BOUNDARY = "arn:aws:iam::000000000000:policy/iam-steward/managed-user-boundary";

    @Inject
    InMemoryIamDirectory iam;

    @Inject
    InMemoryIamAccount account;

    @Inject
    JobWorker worker;

    @Inject
    TestClock clock;

    /** A fresh report for every scan here: IAM would otherwise serve the last one for four hours. */
    @BeforeEach
    void freshAccount() {
        account.reset();
        Flows.drain(worker);
    }

    @Test
    void rootFindingsAreCriticalAndSayWhatTheOwnerMustDo() {
        Instant now = clock.instant();
        account.setRoot(new InMemoryIamAccount.Root(now.minus(Duration.ofDays(900)), false,
                now.minus(Duration.ofDays(2)), List.of(new CredentialReport.KeySlot(1, true,
                        now.minus(Duration.ofDays(700)), null, null, null))));

        scan();

        JsonPath keys = findings("kind=ROOT_ACCESS_KEYS&status=OPEN");
        assertEquals("CRITICAL", keys.getString("items[0].severity"));
        assertEquals("root", keys.getString("items[0].subject"));
        assertTrue(keys.getString("items[0].ownerAction").contains("delete every root access key"));
        assertEquals("1", keys.getString("items[0].evidence.AccountAccessKeysPresent"));
        as("erin", "auditor").get("/v1/findings?severity=CRITICAL&status=OPEN").then().statusCode(200)
                .body("items.kind", hasItem("ROOT_MFA_DISABLED"))
                .body("items.severity", everyItem(equalTo("CRITICAL")));
        assertEquals("HIGH", findings("kind=ROOT_RECENTLY_USED&status=OPEN").getString("items[0].severity"));
        String id = keys.getString("items[0].id");
        as("dave", "admin").post("/v1/findings/{id}/remediate", id).then().statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("root access key"));

        account.reset();
        scan();

        as("erin", "auditor").get("/v1/findings/{id}", id).then().statusCode(200)
                .body("status", equalTo("RESOLVED")).body("resolvedAt", notNullValue());
    }

    @Test
    void aUserNoRequestCreatedIsDriftAndItsRemediationOffboardsItAfterApproval() {
        String drifted = Requests.uniqueUserName("drift");
        iam.createUser(new NewUser(drifted, "/iam-steward/", BOUNDARY, Map.of()), OUTSIDE);
        String managed = Flows.managedUser(worker, "made", "alice");

        scan();

        JsonPath found = findings("kind=UNMANAGED_USER&status=OPEN&limit=500");
        assertTrue(found.getList("items.userName").contains(drifted), found.prettify());
        assertTrue(!found.getList("items.userName").contains(managed), "made by a request: not drift");
        String id = idOf(found, drifted);
        String requestId = as("dave", "admin").post("/v1/findings/{id}/remediate", id).then().statusCode(202)
                .body("type", equalTo("OFFBOARD_USER")).body("status", equalTo("PENDING_APPROVAL"))
                .body("requester", equalTo("dave")).body("userName", equalTo(drifted))
                .extract().path("id");
        as("dave", "admin").post("/v1/findings/{id}/remediate", id).then().statusCode(409);
        as("erin", "auditor").get("/v1/findings/{id}", id).then().body("remediationRequestId", equalTo(requestId));

        Flows.approveAndRun(worker, requestId);
        account.reset();
        scan();

        assertTrue(iam.findUser(drifted).isEmpty(), "offboarded");
        as("erin", "auditor").get("/v1/findings/{id}", id).then().body("status", equalTo("RESOLVED"));
    }

    @Test
    void anUnusedKeyIsDeactivatedThroughAnApprovedRequest() {
        String user = Flows.managedUser(worker, "idle", "alice");
        String keyId = iam.createAccessKey(user, OUTSIDE).key().accessKeyId();
        String usedKey = iam.createAccessKey(Flows.managedUser(worker, "busy", "alice"), OUTSIDE).key()
                .accessKeyId();
        clock.advance(Duration.ofDays(91));
        iam.recordKeyUse(usedKey, clock.instant(), "s3", "us-east-1");

        scan();

        JsonPath unused = findings("kind=KEY_UNUSED&status=OPEN&limit=500");
        String id = idOf(unused, user);
        assertEquals("N/A",
                unused.getString("items.find { it.id == '" + id + "' }.evidence.access_key_1_last_used_date"));
        assertTrue(findings("kind=KEY_TOO_OLD&status=OPEN&limit=500").getList("items.userName").contains(user));
        String requestId = as("dave", "admin").post("/v1/findings/{id}/remediate", id).then().statusCode(202)
                .body("type", equalTo("DEACTIVATE_ACCESS_KEY")).body("accessKeyId", equalTo(keyId))
                .extract().path("id");
        Flows.approveAndRun(worker, requestId);

        assertEquals(AccessKey.Status.INACTIVE, iam.listAccessKeys(user).get(0).status());
        account.reset();
        scan();
        as("erin", "auditor").get("/v1/findings/{id}", id).then().body("status", equalTo("RESOLVED"));
    }

    @Test
    void findingsArePagedWithAStableCursorAndFiltersAreChecked() {
        for (int i = 0; i < 3; i++) {
            iam.createUser(new NewUser(Requests.uniqueUserName("page"), "/iam-steward/", BOUNDARY, Map.of()), OUTSIDE);
        }
        scan();

        JsonPath first = findings("limit=2");
        String cursor = first.getString("cursor");
        JsonPath second = findings("limit=2&cursor=" + cursor);

        assertEquals(2, first.getList("items").size());
        assertNotEquals(first.getList("items.id"), second.getList("items.id"));
        assertTrue(first.getString("next").contains("cursor="));
        as("erin", "auditor").get("/v1/findings?kind=NOT_A_KIND").then().statusCode(400);
        as("erin", "auditor").get("/v1/findings?cursor=garbage").then().statusCode(400);
        as("erin", "auditor").get("/v1/findings/{id}", UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void aScanSoonAfterAnotherSeesTheSameReportAndChangesNothing() {
        String drifted = Requests.uniqueUserName("same");
        iam.createUser(new NewUser(drifted, "/iam-steward/", BOUNDARY, Map.of()), OUTSIDE);
        scan();
        String late = Requests.uniqueUserName("late");
        iam.createUser(new NewUser(late, "/iam-steward/", BOUNDARY, Map.of()), OUTSIDE);

        as("dave", "admin").post("/v1/findings/scan").then().statusCode(200).body("opened", equalTo(0))
                .body("resolved", equalTo(0));

        assertTrue(!findings("kind=UNMANAGED_USER&limit=500").getList("items.userName").contains(late),
                "IAM serves the four-hour-old report again");
        as("erin", "auditor").get("/v1/findings?kind=UNMANAGED_USER&limit=500").then()
                .body("items.find { it.userName == '" + drifted + "' }.resolvedAt", nullValue());
    }

    private void scan() {
        as("dave", "admin").post("/v1/findings/scan").then().statusCode(200).body("reportGeneratedAt", notNullValue());
    }

    private static JsonPath findings(String query) {
        return as("erin", "auditor").get("/v1/findings?" + query).then().statusCode(200).extract().jsonPath();
    }

    private static String idOf(JsonPath page, String userName) {
        return page.getString("items.find { it.userName == '" + userName + "' }.id");
    }
}
