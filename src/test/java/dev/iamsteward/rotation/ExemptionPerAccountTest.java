package dev.iamsteward.rotation;

import static dev.iamsteward.support.Requests.approveAs;
import static dev.iamsteward.support.Tokens.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamsteward.account.TargetAccounts;
import dev.iamsteward.execution.JobWorker;
import dev.iamsteward.iam.Attribution;
import dev.iamsteward.iam.IamRateLimits;
import dev.iamsteward.iam.memory.InMemoryIamAccount;
import dev.iamsteward.support.Flows;
import dev.iamsteward.support.Requests;
import dev.iamsteward.support.TestClock;
import dev.iamsteward.support.TwoAccounts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** With two in-memory accounts, an exemption covers the user of its own account, not a namesake in the other. */
@QuarkusTest
@TestProfile(TwoAccounts.class)
class ExemptionPerAccountTest {

    private static final Attribution OUTSIDE = new Attribution(UUID.randomUUID(), "tool-owner", List.of());

    @Inject
    RotationSweep sweep;

    @Inject
    TargetAccounts accounts;

    @Inject
    JobWorker worker;

    @Inject
    TestClock clock;

    @BeforeEach
    void drain() {
        Flows.drain(worker);
    }

    @Test
    void anExemptionInOneAccountDoesNotExemptTheSameUserNameInTheOther() {
        String user = Requests.uniqueUserName("twin");
        create(user, "alpha", List.of("bob"));
        create(user, "beta", List.of("bob", "carol"));
        String alphaKey = accounts.get("alpha").directory().createAccessKey(user, OUTSIDE).key().accessKeyId();
        String betaKey = accounts.get("beta").directory().createAccessKey(user, OUTSIDE).key().accessKeyId();
        clock.advance(Duration.ofDays(91));

        String id = exempt(body(user, "alpha")).statusCode(201).body("account", equalTo("alpha"))
                .body("userName", equalTo(user)).extract().path("id");
        as("dave", "admin").get("/v1/rotations/exemptions?account=alpha&limit=500").then().statusCode(200)
                .body("items.id", hasItem(id)).body("items.account", everyItem(equalTo("alpha")));
        as("dave", "admin").get("/v1/rotations/exemptions?account=beta&limit=500").then().statusCode(200)
                .body("items.id", not(hasItem(id)));

        accounts.all().forEach(a -> ((InMemoryIamAccount) IamRateLimits.beneath(a.account())).reset());
        RotationSweep.Result result = sweep.sweep();
        assertTrue(result.exempt() >= 1, result.toString());
        assertNull(rotationOf(alphaKey), "exempt in alpha");
        KeyRotation inBeta = rotationOf(betaKey);
        assertNotNull(inBeta, "the namesake in beta is not exempt");
        assertEquals("beta", inBeta.account);

        as("dave", "admin").delete("/v1/rotations/exemptions/{id}", id).then().statusCode(204);
        as("erin", "auditor").get("/v1/audit?action=rotation.exemption-created&limit=500").then().statusCode(200)
                .body("items.detail", hasItem(containsString("every key of " + user + " in account alpha")));
        as("erin", "auditor").get("/v1/audit?action=rotation.exemption-deleted&limit=500").then().statusCode(200)
                .body("items.detail", hasItem(containsString(id + " of every key of " + user + " in account alpha")));
        as("erin", "auditor").get("/v1/audit?action=rotation.exemption-deleted&account=alpha&limit=500").then()
                .statusCode(200).body("items.detail", hasItem(containsString(id + " of every key of " + user)));
        as("erin", "auditor").get("/v1/audit?action=rotation.exemption-deleted&account=beta&limit=500").then()
                .statusCode(200).body("items.detail", not(hasItem(containsString(id))));
    }

    @Test
    void theAccountIsRequiredWithSeveralAndMustBeATargetAccount() {
        String user = Requests.uniqueUserName("onlybeta");
        create(user, "beta", List.of("bob", "carol"));
        long before = QuarkusTransaction.requiringNew().call(() -> RotationExemption.count());

        exempt(body(user, null)).statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("account is required"));
        exempt(body(user, "gamma")).statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:iam-steward:problem:unknown-account"));
        exempt(body(user, "alpha")).statusCode(404).contentType("application/problem+json");
        as("dave", "admin").get("/v1/rotations/exemptions?account=gamma").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:iam-steward:problem:unknown-account"));
        assertEquals(before, (long) QuarkusTransaction.requiringNew().call(() -> RotationExemption.count()));

        exempt(body(user, "beta")).statusCode(201).body("account", equalTo("beta"));
    }

    /** A managed user made through the service in {@code account}, approved by each of {@code approvers}. */
    private void create(String user, String account, List<String> approvers) {
        String id = Requests.submit("CREATE_USER", user, Map.of("account", account, "owner", "alice"));
        approvers.forEach(approver -> approveAs(approver, id));
        Flows.drain(worker);
        as("alice", "requester").get("/v1/requests/{id}", id).then().statusCode(200)
                .body("status", equalTo("SUCCEEDED"));
    }

    private static ValidatableResponse exempt(Map<String, Object> body) {
        return as("dave", "admin").contentType(ContentType.JSON).body(body).post("/v1/rotations/exemptions").then();
    }

    private Map<String, Object> body(String user, String account) {
        Map<String, Object> body = new HashMap<>();
        if (account != null) {
            body.put("account", account);
        }
        body.put("userName", user);
        body.put("owner", "carol");
        body.put("reason", "the deploy tool is frozen until the release");
        body.put("expiresAt", clock.instant().plus(Duration.ofDays(30)).toString());
        return body;
    }

    private static KeyRotation rotationOf(String keyId) {
        return QuarkusTransaction.requiringNew().call(() -> KeyRotation.<KeyRotation>find("oldKeyId", keyId)
                .firstResult());
    }
}
