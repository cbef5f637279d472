package dev.iamsteward.request;

import static dev.iamsteward.support.Tokens.as;
import static dev.iamsteward.common.Traces.ACCOUNT;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamsteward.account.Organization;
import dev.iamsteward.audit.AuditEvent;
import dev.iamsteward.audit.AuditLog;
import dev.iamsteward.execution.JobWorker;
import dev.iamsteward.iam.AccessKey;
import dev.iamsteward.iam.GuardedOrganizationRoot;
import dev.iamsteward.iam.MfaDevice;
import dev.iamsteward.iam.RootSession;
import dev.iamsteward.iam.RootTask;
import dev.iamsteward.iam.RootUserCredentials;
import dev.iamsteward.iam.memory.InMemoryOrganization;
import dev.iamsteward.support.Flows;
import dev.iamsteward.support.Requests;
import dev.iamsteward.support.TestClock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "I locked myself out", end to end on the sandbox organization: ALLOW_ROOT_PASSWORD_RECOVERY needs the high-risk
 * quorum and makes the root user's login profile in an IAMCreateRootUserPassword session (its calls held to the
 * member account's IAM rate and traced); when its window ends the service files and approves DELETE_ROOT_CREDENTIALS
 * by itself and says what the root user held then.
 */
@QuarkusTest
class RootPasswordRecoveryTest {

    private static final String MEMBER = "222222222222";
    private static final String CREATE_TASK = RootTask.CREATE_ROOT_USER_PASSWORD.policyArn();
    private static final AttributeKey<String> ROOT_TASK = AttributeKey.stringKey("steward.iam.root_task");

    @Inject
    Organization organization;

    @Inject
    JobWorker worker;

    @Inject
    RequestSweeps sweeps;

    @Inject
    AuditLog audit;

    @Inject
    TestClock clock;

    @Inject
    MeterRegistry metrics;

    @Inject
    InMemorySpanExporter spans;

    @BeforeEach
    @AfterEach
    void cleanRootUser() {
        Flows.drain(worker);
        sweeps.endTimeBoundAccess();
        Flows.drain(worker);
        RootSession delete = sandbox().assumeRoot(MEMBER, RootTask.DELETE_ROOT_USER_CREDENTIALS,
                Duration.ofMinutes(1), null);
        RootUserCredentials held = RootUserCredentials.readIn(auditSession());
        if (held.password()) {
            delete.deleteLoginProfile();
        }
        held.accessKeyIds().forEach(delete::deleteAccessKey);
        held.signingCertificateIds().forEach(delete::deleteSigningCertificate);
        held.mfaSerialNumbers().forEach(delete::deactivateMfaDevice);
    }

    @Test
    void theWindowEndsWithTheRootCredentialsDeletedAndWhatTheyWereSaid() {
        String mfa = sandbox().giveRootMfaDevice(MEMBER);

        JsonPath request = submit(Map.of("expiresAt", clock.instant().plus(Duration.ofHours(1)).toString()))
                .then().statusCode(202).body("type", equalTo("ALLOW_ROOT_PASSWORD_RECOVERY"))
                .body("risk", equalTo("HIGH")).body("userArn", equalTo("arn:aws:iam::" + MEMBER + ":root"))
                .extract().jsonPath();
        assertEquals(List.of("iam:CreateLoginProfile"), request.getList("plan.action"));
        assertEquals(Map.of("TargetPrincipal", MEMBER, "TaskPolicyArn", CREATE_TASK, "ExistingAccessKeys", "",
                "ExistingSigningCertificates", "", "ExistingMFADevices", mfa), request.getMap("plan[0].parameters"));
        String id = request.getString("id");

        assertEquals("PENDING_APPROVAL", Requests.approveAs("bob", id), "high risk: one approval is not enough");
        assertEquals("APPROVED", Requests.approveAs("carol", id));
        worker.runDueJobs();

        as("dave", "admin").get("/v1/requests/{id}", id).then().statusCode(200).body("status", equalTo("SUCCEEDED"));
        assertTrue(sandbox().rootPassword(MEMBER).isPresent(), "the email owner may now recover the password");
        List<String> tasks = sandbox().assumed().stream().filter(a -> a.attribution() != null
                && a.attribution().requestId().equals(UUID.fromString(id))).map(a -> a.taskPolicyArn()).toList();
        assertEquals(List.of(CREATE_TASK), tasks, "one password session, which CloudTrail attributes to the request");

        Timer waits = metrics.find("steward.iam.rate.wait").tag("account", MEMBER).timer();
        assertTrue(waits != null && waits.count() >= 2, "the password session's calls waited for the member's rate");
        await().atMost(Duration.ofSeconds(10)).until(() -> spans.getFinishedSpanItems().stream().anyMatch(span ->
                span.getName().equals("iam CreateLoginProfile") && MEMBER.equals(span.getAttributes().get(ACCOUNT))
                        && "IAMCreateRootUserPassword".equals(span.getAttributes().get(ROOT_TASK))));

        String key = sandbox().giveRootAccessKey(MEMBER);
        sweeps.endTimeBoundAccess();
        assertNull(view(id).getString("expiryRequestId"), "nothing happens before the window ends");

        clock.advance(Duration.ofHours(2));
        assertTrue(sweeps.endTimeBoundAccess() >= 1);
        assertEquals(0, sweeps.endTimeBoundAccess(), "a second sweep files nothing more");

        String deletion = view(id).getString("expiryRequestId");
        JsonPath filed = view(deletion);
        assertEquals("DELETE_ROOT_CREDENTIALS", filed.getString("type"));
        assertEquals(MEMBER, filed.getString("userName"));
        assertEquals("system:iam-steward", filed.getString("requester"));
        assertEquals("time-bound-expiry", filed.getString("approval.rule"));
        assertEquals(List.of("iam:DeleteLoginProfile", "iam:DeleteAccessKey", "iam:DeactivateMFADevice"),
                filed.getList("plan.action"));
        String report = "password present, 1 access key created during the window [" + key + "], no signing "
                + "certificate, 1 MFA device from before the window [" + mfa + "]";
        assertEquals("recovery window ended; the root user held: " + report
                + "; approved under rule 'time-bound-expiry'", filed.getString("decisions[0].comment"));
        AuditEvent approved = audit.forRequest(UUID.fromString(deletion)).stream()
                .filter(e -> "APPROVED".equals(e.toStatus)).findFirst().orElseThrow();
        assertEquals("request.auto-approved", approved.action, "the move subscribers hear of as request.approved");
        assertTrue(approved.detail.contains(report), approved.detail);
        AuditEvent ended = last(id);
        assertEquals("access.expired", ended.action);
        assertEquals("filed DELETE_ROOT_CREDENTIALS request " + deletion + "; the root user held: " + report,
                ended.detail);

        Flows.drain(worker);
        assertEquals("SUCCEEDED", view(deletion).getString("status"));
        assertTrue(RootUserCredentials.readIn(auditSession()).none(), "password, key and MFA device are gone");
    }

    /**
     * The deletion filed at the window's end fails when the root user changed before it ran (its plan is made again
     * first); the next sweep files another, so the window never stays open.
     */
    @Test
    void aDeletionThatFailedIsFiledAgainUntilTheRootUserHoldsNothing() {
        String id = approvedRecovery();
        worker.runDueJobs();
        clock.advance(Duration.ofHours(1));
        assertEquals(1, sweeps.endTimeBoundAccess());
        String first = view(id).getString("expiryRequestId");
        sandbox().giveRootAccessKey(MEMBER);
        Flows.drain(worker);
        assertEquals("FAILED", view(first).getString("status"), "the root user changed since the deletion's plan");

        assertEquals(1, sweeps.endTimeBoundAccess(), "the window is not closed while its deletion failed");
        String second = view(id).getString("expiryRequestId");
        assertNotEquals(first, second);
        assertTrue(last(id).detail.startsWith("deletion request " + first + " failed; filed DELETE_ROOT_CREDENTIALS "
                + "request " + second), last(id).detail);
        Flows.drain(worker);

        assertEquals("SUCCEEDED", view(second).getString("status"));
        assertTrue(RootUserCredentials.readIn(auditSession()).none(), "password and the new key are gone");
        assertEquals(0, sweeps.endTimeBoundAccess(), "closed: nothing more is filed");
    }

    /**
     * A recovery that failed may have made the password before it failed (an answer lost, then retries refused):
     * its window ends as a succeeded one's does. Here the password appears before the request's step runs.
     */
    @Test
    void aRecoveryThatFailedStillHasItsWindowEnded() {
        String id = approvedRecovery();
        sandbox().giveRootPassword(MEMBER);
        worker.runDueJobs();
        assertEquals("FAILED", view(id).getString("status"));

        assertEquals(0, sweeps.endTimeBoundAccess(), "not before the window ends");
        clock.advance(Duration.ofHours(1));
        assertEquals(1, sweeps.endTimeBoundAccess());
        String deletion = view(id).getString("expiryRequestId");
        Flows.drain(worker);

        assertEquals("SUCCEEDED", view(deletion).getString("status"));
        assertFalse(sandbox().rootPassword(MEMBER).isPresent(), "the password is gone");
    }

    /**
     * Windows of an account that left the organization fail every sweep; more of them than a sweep reads at once
     * must not keep a member's window from ending.
     */
    @Test
    void windowsOfAccountsThatLeftTheOrganizationNeverCrowdOutAMembersWindow() {
        List<UUID> stuck = QuarkusTransaction.requiringNew().call(() -> {
            List<UUID> ids = new ArrayList<>();
            for (int i = 0; i < 101; i++) {
                AccessRequest left = AccessRequest.submit(organization.recordedUnder(), new SubmitRequest(null,
                        RequestType.ALLOW_ROOT_PASSWORD_RECOVERY, "333333333333", null, null, clock.instant(), null,
                        null, null, "a window of an account that has left the organization"), "alice", null,
                        clock.instant());
                left.risk = "HIGH";
                left.approval = new ApprovalRequirement("high-risk", 2, List.of(), false, false);
                left.status = RequestStatus.SUCCEEDED;
                left.persist();
                ids.add(left.id);
            }
            return ids;
        });
        try {
            String id = approvedRecovery();
            worker.runDueJobs();
            clock.advance(Duration.ofHours(1));
            sweeps.endTimeBoundAccess();

            assertNotNull(view(id).getString("expiryRequestId"), "the member's window ended in the same sweep");
        } finally {
            QuarkusTransaction.requiringNew().run(() -> AccessRequest.update("expiryHandledAt = ?1 where id in ?2",
                    clock.instant(), stuck));
        }
    }

    @Test
    void aWindowThatEndsWithNothingLeftIsRecordedAsSuch() {
        String id = approvedRecovery();
        worker.runDueJobs();
        sandbox().assumeRoot(MEMBER, RootTask.DELETE_ROOT_USER_CREDENTIALS, Duration.ofMinutes(1), null)
                .deleteLoginProfile();

        clock.advance(Duration.ofHours(1));
        sweeps.endTimeBoundAccess();

        AuditEvent skipped = last(id);
        assertEquals("access.expiry-skipped", skipped.action);
        assertTrue(skipped.detail.contains("nothing to delete"), skipped.detail);
        assertNull(view(id).getString("expiryRequestId"));
    }

    @Test
    void theWindowIsRequiredAndBounded() {
        int assumed = sandbox().assumed().size();
        submit(Map.of()).then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("needs expiresAt"));
        submit(Map.of("expiresAt", clock.instant().plus(Duration.ofHours(5)).toString())).then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("at most PT4H from now"));
        submit(Map.of("expiresAt", clock.instant().minus(Duration.ofMinutes(1)).toString())).then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("in the future"));
        submit(Map.of("expiresAt", "tomorrow")).then().statusCode(400).contentType("application/problem+json");
        assertEquals(assumed, sandbox().assumed().size(), "refused before any root session");
        assertFalse(sandbox().rootPassword(MEMBER).isPresent());
    }

    @Test
    void onlyAMemberWhoseRootHasNoPassword() {
        String in = clock.instant().plus(Duration.ofHours(1)).toString();
        submit("999999999999", Map.of("expiresAt", in)).then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("not one of the organization's member accounts"));
        sandbox().giveRootPassword(MEMBER);
        submit(Map.of("expiresAt", in)).then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("already has a password"));
    }

    @Test
    void theCreatePasswordSessionMayOnlyMakeAndReadTheLoginProfile() {
        RootSession create = sandbox().assumeRoot(MEMBER, RootTask.CREATE_ROOT_USER_PASSWORD, Duration.ofMinutes(1),
                null);
        String key = sandbox().giveRootAccessKey(MEMBER);

        assertTrue(create.loginProfile().isEmpty());
        create.allowPasswordRecovery();

        assertTrue(create.loginProfile().isPresent());
        for (Runnable refused : List.<Runnable>of(create::accessKeys, create::mfaDevices, create::signingCertificates,
                create::deleteLoginProfile, () -> create.deleteAccessKey(key))) {
            try {
                refused.run();
                throw new AssertionError("a password session may not do this");
            } catch (dev.iamsteward.iam.IamException.AccessDenied expected) {
                assertTrue(expected.getMessage().contains("IAMCreateRootUserPassword"), expected.getMessage());
            }
        }
        assertEquals(List.of(key), auditSession().accessKeys().stream().map(AccessKey::accessKeyId).toList());
        assertEquals(List.of(), auditSession().mfaDevices().stream().map(MfaDevice::serialNumber).toList());
    }

    /** A recovery with a 30-minute window, submitted and approved by the quorum; its step has not run yet. */
    private String approvedRecovery() {
        String id = submit(Map.of("expiresAt", clock.instant().plus(Duration.ofMinutes(30)).toString()))
                .then().statusCode(202).extract().path("id");
        Requests.approveAs("bob", id);
        Requests.approveAs("carol", id);
        return id;
    }

    private static Response submit(Map<String, Object> extra) {
        return submit(MEMBER, extra);
    }

    private static Response submit(String member, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(extra);
        body.put("type", "ALLOW_ROOT_PASSWORD_RECOVERY");
        body.put("userName", member);
        body.put("reason", "the admin locked themselves out of the member account");
        return as("alice", "requester").contentType(ContentType.JSON).body(body).post("/v1/requests");
    }

    private static JsonPath view(String id) {
        return as("erin", "auditor").get("/v1/requests/{id}", id).then().statusCode(200).extract().jsonPath();
    }

    private AuditEvent last(String id) {
        List<AuditEvent> events = audit.forRequest(UUID.fromString(id));
        return events.get(events.size() - 1);
    }

    private RootSession auditSession() {
        return sandbox().assumeRoot(MEMBER, RootTask.AUDIT_ROOT_USER_CREDENTIALS, Duration.ofMinutes(1), null);
    }

    private InMemoryOrganization sandbox() {
        return (InMemoryOrganization) GuardedOrganizationRoot.beneath(organization.root());
    }
}
