package dev.iamsteward.request;

import static dev.iamsteward.support.Tokens.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.iamsteward.execution.ExecutionJob;
import dev.iamsteward.execution.JobWorker;
import dev.iamsteward.iam.memory.InMemoryIamDirectory;
import dev.iamsteward.support.Flows;
import dev.iamsteward.support.Requests;
import dev.iamsteward.support.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A request whose account was removed from the configuration after it was made (simulated by moving the stored
 * request to an account that is not configured): it still reads, nobody can decide on it, executing it fails at
 * once with a reason that names the account, time-bound access in it waits for it, and startup names the account
 * with what waits on it.
 */
@QuarkusTest
class RemovedAccountTest {

    @Inject
    JobWorker worker;

    @Inject
    InMemoryIamDirectory iam;

    @Inject
    RemovedAccountsReport report;

    @Inject
    RequestSweeps sweeps;

    @Inject
    TestClock clock;

    @BeforeEach
    void drain() {
        Flows.drain(worker);
    }

    @Test
    void anApprovedRequestFailsAtOnceWithoutRetriesAndTheFailureIsAudited() {
        String account = removedAccount();
        String user = Requests.uniqueUserName("removed");
        String id = Requests.submitCreateUser(user);
        Requests.approve(id);
        moveTo(id, account);
        assertEquals(Map.of(RequestStatus.APPROVED, 1L), report.openRequestsOfRemovedAccounts().get(account));

        worker.runDueJobs();

        as("alice", "requester").get("/v1/requests/{id}", id).then().statusCode(200)
                .body("status", equalTo("FAILED"))
                .body("account", equalTo(account))
                .body("failureReason", containsString("account '" + account + "' is no longer a target account"));
        ExecutionJob job = QuarkusTransaction.requiringNew().call(() -> ExecutionJob.<ExecutionJob>find("requestId",
                UUID.fromString(id)).firstResult());
        assertEquals(ExecutionJob.State.FAILED, job.state);
        assertEquals(1, job.attempts, "failed on its first attempt, not retried");
        as("ivy", "auditor").queryParam("requestId", id).queryParam("account", account).get("/v1/audit")
                .then().statusCode(200)
                .body("items.action", contains("execution.failed", "execution.started"))
                .body("items[0].toStatus", equalTo("FAILED"))
                .body("items[0].detail", containsString("'" + account + "' is no longer a target account"));
        assertFalse(iam.findUser(user).isPresent(), "nothing was done in IAM");
        assertNull(report.openRequestsOfRemovedAccounts().get(account), "a failed request is no longer open");
        as("ivy", "auditor").get("/v1/audit/verify").then().statusCode(200).body("intact", equalTo(true));
    }

    @Test
    void aPendingRequestCannotBeDecidedButStillReadsAndCanBeCancelled() {
        String account = removedAccount();
        String id = Requests.submitCreateUser(Requests.uniqueUserName("removed"));
        moveTo(id, account);

        for (String decision : new String[] {"APPROVE", "REJECT"}) {
            as(Requests.APPROVER, "approver").contentType(ContentType.JSON)
                    .body(Map.of("decision", decision, "comment", "ok"))
                    .post("/v1/requests/{id}/approvals", id).then().statusCode(422)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:iam-steward:problem:account-removed"))
                    .body("detail", containsString("'" + account + "' is no longer a target account"));
        }
        as(Requests.APPROVER, "approver").get("/v1/requests/{id}", id).then().statusCode(200)
                .body("status", equalTo("PENDING_APPROVAL")).body("account", equalTo(account))
                .body("decisions.size()", equalTo(0));
        as("erin", "auditor").queryParam("account", account).get("/v1/requests").then().statusCode(200)
                .body("items.id", hasItem(id));
        as("ivy", "auditor").queryParam("requestId", id).get("/v1/audit").then().statusCode(200)
                .body("items.action", contains("request.submitted"));
        assertEquals(Map.of(RequestStatus.PENDING_APPROVAL, 1L), report.openRequestsOfRemovedAccounts().get(account));
        assertEquals(List.of(RemovedAccountsReport.warning(account, Map.of(RequestStatus.PENDING_APPROVAL, 1L))),
                warningsAtStartAbout(account));

        as(Requests.REQUESTER, "requester").post("/v1/requests/{id}/cancel", id).then().statusCode(200)
                .body("status", equalTo("CANCELLED"));
        as("ivy", "auditor").queryParam("requestId", id).queryParam("action", "request.cancelled").get("/v1/audit")
                .then().statusCode(200).body("items[0].account", equalTo(account));
        assertNull(report.openRequestsOfRemovedAccounts().get(account));
    }

    @Test
    void timeBoundAccessInARemovedAccountWaitsForItInsteadOfBeingMarkedEnded() {
        String account = removedAccount();
        String id = Flows.approveAndRun(worker, Requests.submit("CREATE_USER", Requests.uniqueUserName("removed"),
                Map.of("expiresAt", clock.instant().plus(Duration.ofHours(1)).toString())));
        moveTo(id, account);
        clock.advance(Duration.ofHours(2));

        sweeps.endTimeBoundAccess();
        as("ivy", "auditor").queryParam("requestId", id).get("/v1/audit").then().statusCode(200)
                .body("items[0].action", equalTo("execution.succeeded"));
        as("erin", "auditor").get("/v1/requests/{id}", id).then().body("expiryRequestId", nullValue());

        moveTo(id, "default");
        sweeps.endTimeBoundAccess();
        as("ivy", "auditor").queryParam("requestId", id).get("/v1/audit").then().statusCode(200)
                .body("items[0].action", equalTo("access.expired"));
        Flows.drain(worker);
    }

    @Test
    void theStartupWarningNamesTheAccountAndCountsOnly() {
        assertEquals("Account 'gone' is no longer a target account, but 3 open request(s) name it "
                + "(2 PENDING_APPROVAL, 1 APPROVED): deciding on them is refused and executing them fails at once; "
                + "configure the account again to go on with them",
                RemovedAccountsReport.warning("gone", new java.util.EnumMap<>(Map.of(
                        RequestStatus.APPROVED, 1L, RequestStatus.PENDING_APPROVAL, 2L))));
    }

    /** The WARN lines the startup report logs that name {@code account}. */
    private List<String> warningsAtStartAbout(String account) {
        List<String> warnings = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() == Level.WARNING.intValue()
                        && record.getMessage().contains("'" + account + "'")) {
                    warnings.add(record.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(RemovedAccountsReport.class.getName());
        logger.addHandler(capture);
        try {
            report.onStart(null);
        } finally {
            logger.removeHandler(capture);
        }
        return warnings;
    }

    /** An account id no configuration has, and no other test uses. */
    private static String removedAccount() {
        return Requests.uniqueUserName("removed-account");
    }

    /** What a request made before its account was removed looks like: its stored account is not configured. */
    private static void moveTo(String requestId, String account) {
        QuarkusTransaction.requiringNew().run(() -> AccessRequest.<AccessRequest>findById(UUID.fromString(requestId))
                .account = account);
    }
}
