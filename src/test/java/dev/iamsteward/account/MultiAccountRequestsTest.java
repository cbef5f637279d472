package dev.iamsteward.account;

import static dev.iamsteward.support.Requests.approveAs;
import static dev.iamsteward.support.Requests.uniqueUserName;
import static dev.iamsteward.support.Tokens.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamsteward.execution.JobWorker;
import dev.iamsteward.iam.TracedIamDirectory;
import dev.iamsteward.iam.memory.InMemoryIamDirectory;
import dev.iamsteward.request.AccessRequest;
import dev.iamsteward.support.Flows;
import dev.iamsteward.support.TestClock;
import dev.iamsteward.support.TwoAccounts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** With two target accounts every request, and every users API call, names its account and acts there only. */
@QuarkusTest
@TestProfile(TwoAccounts.class)
class MultiAccountRequestsTest {

    @Inject
    JobWorker worker;

    @Inject
    InMemoryIamDirectory alpha;

    @Inject
    TargetAccounts accounts;

    @Inject
    Organization organization;

    @Inject
    TestClock clock;

    InMemoryIamDirectory beta;

    @BeforeEach
    void drain() {
        beta = (InMemoryIamDirectory) ((TracedIamDirectory) accounts.get("beta").directory()).adapter();
        Flows.drain(worker);
    }

    /**
     * A root user's request is decided by the approval rules of the account the organization records it under; filed
     * under another account (here beta, whose rule differs) it is refused and nothing is stored.
     */
    @Test
    void aRootRequestIsOnlyFiledUnderTheAccountTheOrganizationRecordsItUnder() {
        String other = organization.recordedUnder().equals("beta") ? "alpha" : "beta";
        Map<String, Object> window = Map.of("expiresAt", clock.instant().plusSeconds(3600).toString());
        long before = QuarkusTransaction.requiringNew().call(() -> AccessRequest.count());

        submit(other, "ALLOW_ROOT_PASSWORD_RECOVERY", TwoAccounts.BETA_ID, window).statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("recorded under account '" + organization.recordedUnder() + "'"));
        assertEquals(before, QuarkusTransaction.requiringNew().call(() -> AccessRequest.count()));

        submit(organization.recordedUnder(), "ALLOW_ROOT_PASSWORD_RECOVERY", TwoAccounts.BETA_ID, window)
                .statusCode(202).body("account", equalTo(organization.recordedUnder()));
    }

    @Test
    void aRequestInBetaActsOnBetasIamOnlyWithItsPathBoundaryAndCatalog() {
        String user = uniqueUserName("beta");
        String created = submit("beta", "CREATE_USER", user, Map.of()).statusCode(202)
                .body("account", equalTo("beta"))
                .body("plan[0].parameters.Path", equalTo("/beta-team/"))
                .body("plan[0].parameters.PermissionsBoundary", equalTo("arn:aws:iam::aws:policy/ReadOnlyAccess"))
                .body("approval.rule", equalTo("beta")).extract().path("id");
        approveBoth(created);

        as("alice", "requester").get("/v1/requests/{id}", created).then().body("status", equalTo("SUCCEEDED"))
                .body("userArn", equalTo("arn:aws:iam::" + TwoAccounts.BETA_ID + ":user/beta-team/" + user));
        assertTrue(beta.findUser(user).isPresent(), "the user is in beta");
        assertFalse(alpha.findUser(user).isPresent(), "and not in alpha");

        String attach = submit("beta", "ATTACH_POLICY", user, Map.of("profile", "data-read")).statusCode(202)
                .body("plan[0].parameters.PolicyArn",
                        equalTo("arn:aws:iam::" + TwoAccounts.BETA_ID + ":policy/data-read"))
                .extract().path("id");
        approveBoth(attach);
        assertEquals(java.util.List.of("arn:aws:iam::" + TwoAccounts.BETA_ID + ":policy/data-read"),
                beta.listAttachedUserPolicies(user));

        submit("beta", "ADD_TO_GROUP", user, Map.of("profile", "ops")).statusCode(422)
                .body("detail", containsString("account beta"));
        as("erin", "auditor").get("/v1/requests?account=beta&userName=" + user).then().statusCode(200)
                .body("items.account", everyItem(equalTo("beta"))).body("items.id", hasItem(attach));
        as("erin", "auditor").get("/v1/audit?account=beta&requestId=" + created).then().statusCode(200)
                .body("items.action", hasItem("execution.succeeded"))
                .body("items.account", everyItem(equalTo("beta")));
        as("erin", "auditor").get("/v1/audit?account=alpha&requestId=" + created).then().statusCode(200)
                .body("items.size()", equalTo(0));
        as("erin", "auditor").get("/v1/requests?account=alpha&userName=" + user).then().statusCode(200)
                .body("items.id", not(hasItem(created)));
    }

    @Test
    void withTwoAccountsARequestWithoutOneIsRefusedAndChangesNothing() {
        String user = uniqueUserName("none");
        submit(null, "CREATE_USER", user, Map.of()).statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("account is required"));
        assertEquals(0, rows(user));
    }

    @Test
    void anUnknownAccountIsRefusedAndChangesNothing() {
        String user = uniqueUserName("unknown");
        submit("gamma", "CREATE_USER", user, Map.of()).statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:iam-steward:problem:unknown-account"))
                .body("detail", containsString("[alpha, beta]"));
        assertEquals(0, rows(user));
        assertFalse(alpha.findUser(user).isPresent() || beta.findUser(user).isPresent());
    }

    @Test
    void theUsersApiShowsOneAccountAtATime() {
        String user = uniqueUserName("users");
        approveBoth(submit("beta", "CREATE_USER", user, Map.of()).statusCode(202).extract().path("id"));

        as("erin", "auditor").get("/v1/users?account=beta").then().statusCode(200)
                .body("items.userName", hasItem(user));
        as("erin", "auditor").get("/v1/users?account=alpha").then().statusCode(200)
                .body("items.userName", not(hasItem(user)));
        as("erin", "auditor").get("/v1/users/{user}?account=beta", user).then().statusCode(200)
                .body("account", equalTo("beta")).body("path", equalTo("/beta-team/"))
                .body("requests.size()", equalTo(1));
        as("erin", "auditor").get("/v1/users/{user}?account=alpha", user).then().statusCode(404);
        as("erin", "auditor").get("/v1/users").then().statusCode(400)
                .contentType("application/problem+json");
        as("erin", "auditor").get("/v1/users/{user}?account=gamma", user).then().statusCode(400)
                .body("type", equalTo("urn:iam-steward:problem:unknown-account"));
    }

    @Test
    void eachAccountOffersItsOwnCatalog() {
        as("erin", "auditor").get("/v1/access-profiles?account=beta").then().statusCode(200)
                .body("name", equalTo(java.util.List.of("billing", "data-read")))
                .body("find { it.name == 'data-read' }.policyArns[0]",
                        equalTo("arn:aws:iam::" + TwoAccounts.BETA_ID + ":policy/data-read"));
        as("erin", "auditor").get("/v1/access-profiles?account=alpha").then().statusCode(200)
                .body("name", hasItem("ops"));
    }

    private void approveBoth(String requestId) {
        approveAs("bob", requestId);
        assertEquals("APPROVED", approveAs("carol", requestId));
        worker.runDueJobs();
    }

    private static ValidatableResponse submit(String account, String type, String user, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(extra);
        if (account != null) {
            body.put("account", account);
        }
        body.put("type", type);
        body.put("userName", user);
        body.put("reason", "multi-account test");
        return as("alice", "requester").contentType(ContentType.JSON).body(body).post("/v1/requests").then();
    }

    private static long rows(String user) {
        return QuarkusTransaction.requiringNew().call(() -> AccessRequest.count("userName", user));
    }
}
