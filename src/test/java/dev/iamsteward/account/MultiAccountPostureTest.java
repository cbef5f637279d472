package dev.iamsteward.account;

import static dev.iamsteward.support.Requests.approveAs;
import static dev.iamsteward.support.Requests.uniqueUserName;
import static dev.iamsteward.support.Tokens.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.iamsteward.execution.JobWorker;
import dev.iamsteward.iam.Attribution;
import dev.iamsteward.iam.IamException;
import dev.iamsteward.iam.IamRateLimits;
import dev.iamsteward.iam.NewUser;
import dev.iamsteward.iam.TracedIamDirectory;
import dev.iamsteward.iam.memory.InMemoryIamAccount;
import dev.iamsteward.iam.memory.InMemoryIamDirectory;
import dev.iamsteward.rotation.KeyRotation;
import dev.iamsteward.rotation.RotationSweep;
import dev.iamsteward.support.Flows;
import dev.iamsteward.support.TestClock;
import dev.iamsteward.support.TwoAccounts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Readiness, findings and key rotation, each per target account, with two in-memory accounts. */
@QuarkusTest
@TestProfile(TwoAccounts.class)
class MultiAccountPostureTest {

    private static final Attribution OUTSIDE = new Attribution(UUID.randomUUID(), "console-user", List.of());
    private static final String IAM_CHECK = "checks.find { it.name == 'iam' }.data";
    private static final String SELF_CHECK = "checks.find { it.name == 'broker-self-check' }.data";

    @Inject
    JobWorker worker;

    @Inject
    TargetAccounts accounts;

    @Inject
    RotationSweep sweep;

    @Inject
    HealthConfig health;

    @Inject
    TestClock clock;

    InMemoryIamDirectory beta;

    @BeforeEach
    void freshReports() {
        beta = (InMemoryIamDirectory) ((TracedIamDirectory) accounts.get("beta").directory()).adapter();
        accounts.all().forEach(a -> ((InMemoryIamAccount) IamRateLimits.beneath(a.account())).reset());
        clock.advance(health.cacheTtl());
        Flows.drain(worker);
    }

    @AfterEach
    void noFaultsLeft() {
        beta.faults().clear();
        alpha().faults().clear();
    }

    private InMemoryIamDirectory alpha() {
        return (InMemoryIamDirectory) ((TracedIamDirectory) accounts.get("alpha").directory()).adapter();
    }

    @Test
    void readinessListsEveryAccountAndIsDownWhenOneDoesNotAnswer() {
        RestAssured.get("/q/health/ready").then().statusCode(200)
                .body(IAM_CHECK + ".accounts", equalTo("alpha,beta"))
                .body(IAM_CHECK + ".'alpha.reachable'", equalTo(true))
                .body(IAM_CHECK + ".'beta.reachable'", equalTo(true))
                .body(SELF_CHECK + ".result", equalTo("PASSED"))
                .body(SELF_CHECK + ".'alpha.result'", equalTo("PASSED"))
                .body(SELF_CHECK + ".'beta.result'", equalTo("PASSED"));

        clock.advance(health.cacheTtl());
        beta.faults().failNext("GetAccountSummary", 1, () -> new IamException.AccessDenied("not authorized"));
        RestAssured.get("/q/health/ready").then().statusCode(503)
                .body(IAM_CHECK + ".'alpha.reachable'", equalTo(true))
                .body(IAM_CHECK + ".'beta.reachable'", equalTo(false))
                .body(IAM_CHECK + ".'beta.error'", equalTo("IAM AccessDenied"));
    }

    @Test
    void eachAccountsReportMakesItsOwnFindingsAndRemediationActsThere() {
        String stray = uniqueUserName("stray");
        beta.createUser(new NewUser(stray, "/beta-team/", null, Map.of()), OUTSIDE);

        as("dave", "admin").post("/v1/findings/scan").then().statusCode(200);
        for (String account : List.of("alpha", "beta")) {
            as("erin", "auditor").get("/v1/audit?action=posture.scanned&limit=1&account=" + account).then()
                    .statusCode(200).body("items[0].account", equalTo(account))
                    .body("items[0].detail", startsWith("account " + account + ":"));
        }

        String finding = as("erin", "auditor").get("/v1/findings?account=beta&kind=UNMANAGED_USER&status=OPEN")
                .then().statusCode(200).body("items.userName", hasItem(stray))
                .extract().path("items.find { it.userName == '" + stray + "' }.id");
        as("erin", "auditor").get("/v1/findings?account=alpha&kind=UNMANAGED_USER").then().statusCode(200)
                .body("items.userName", not(hasItem(stray)));
        as("dave", "admin").post("/v1/findings/{id}/remediate", finding)
                .then().statusCode(202).body("account", equalTo("beta")).body("type", equalTo("OFFBOARD_USER"));
    }

    @Test
    void anAccountWhoseReportFailsDoesNotStopTheSweepInTheOthers() {
        String user = betaUserWithOldKey("rot-fault");
        alpha().faults().failNext("GenerateCredentialReport", 1, () -> new IamException.AccessDenied("not authorized"));

        IamException.AccessDenied failure = assertThrows(IamException.AccessDenied.class, sweep::sweep,
                "the sweep still reports alpha's failure");
        assertEquals("not authorized", failure.getMessage());
        worker.runDueJobs();

        KeyRotation started = QuarkusTransaction.requiringNew().call(() -> KeyRotation
                .<KeyRotation>find("userName", user).firstResult());
        assertEquals("beta", started.account, "beta's due key was started");
        assertEquals(2, beta.listAccessKeys(user).size(), "and its new key made");
    }

    @Test
    void theSweepRotatesAnOldKeyInTheAccountItIsIn() {
        String user = betaUserWithOldKey("rot");
        String old = beta.listAccessKeys(user).get(0).accessKeyId();

        sweep.sweep();
        worker.runDueJobs();

        KeyRotation rotation = QuarkusTransaction.requiringNew().call(() -> KeyRotation
                .<KeyRotation>find("oldKeyId", old).firstResult());
        assertEquals("beta", rotation.account);
        assertEquals(2, beta.listAccessKeys(user).size(), "the new key was made in beta");
        as("erin", "auditor").get("/v1/users/{user}?account=beta", user).then().statusCode(200)
                .body("accessKeys.find { it.accessKeyId == '" + old + "' }.rotation.account", equalTo("beta"));
    }

    /** A user made through the service in beta, with a key made outside that is now past its max age. */
    private String betaUserWithOldKey(String prefix) {
        String user = uniqueUserName(prefix);
        String created = as("alice", "requester").contentType(ContentType.JSON)
                .body(Map.of("account", "beta", "type", "CREATE_USER", "userName", user, "reason", "rotation"))
                .post("/v1/requests").then().statusCode(202).extract().path("id");
        approveAs("bob", created);
        approveAs("carol", created);
        worker.runDueJobs();
        beta.createAccessKey(user, OUTSIDE);
        clock.advance(Duration.ofDays(91));
        accounts.all().forEach(a -> ((InMemoryIamAccount) IamRateLimits.beneath(a.account())).reset());
        return user;
    }
}
