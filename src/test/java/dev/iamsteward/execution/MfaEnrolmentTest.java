package dev.iamsteward.execution;

import static dev.iamsteward.support.Requests.approve;
import static dev.iamsteward.support.Requests.submit;
import static dev.iamsteward.support.Tokens.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamsteward.common.Secret;
import dev.iamsteward.iam.memory.InMemoryIamDirectory;
import dev.iamsteward.iam.Totp;
import dev.iamsteward.support.Secrets;
import dev.iamsteward.support.Tokens;
import dev.iamsteward.support.TestClock;
import dev.iamsteward.support.Flows;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** MFA enrolment: the owner gets the seed once and enables the device with two consecutive codes. */
@QuarkusTest
class MfaEnrolmentTest {

    private static final String OWNER = "olivia";

    @Inject
    JobWorker worker;

    @Inject
    InMemoryIamDirectory iam;

    @Inject
    TestClock clock;

    @Inject
    dev.iamsteward.credential.DeliveryService deliveries;

    @Inject
    MfaEnrolmentExpiry expiry;

    /** Jobs other test classes left due would otherwise be claimed first. */
    @BeforeEach
    void drainLeftoverJobs() {
        Flows.drain(worker);
    }

    @Test
    void theOwnerEnablesTheDeviceWithTwoCodesFromTheSeedTheyFetchedOnce() {
        String user = managedUser();
        String id = submit("ENROL_MFA", user, Map.of());
        approve(id);
        worker.runDueJobs();

        String delivery = as(OWNER, "requester").get("/v1/requests/{id}", id).then()
                .body("status", equalTo("AWAITING_MFA_CODES"))
                .body("secrets", hasSize(1))
                .body("secrets[0].kind", equalTo("MFA_SEED"))
                .extract().path("secrets[0].id");
        var fetched = Secrets.retrieve(OWNER, delivery).statusCode(200).extract();
        Secret seed = Secret.of(fetched.path("secret"));
        assertEquals("otpauth://totp/AWS%3A" + user + "?secret=" + seed.reveal() + "&issuer=AWS",
                fetched.path("otpauthUri"));
        Secrets.retrieve(OWNER, delivery).statusCode(410);
        assertTrue(iam.listMfaDevices(user).isEmpty(), "not enabled before the codes");

        sendCodes(OWNER, id, codes(seed, clock.instant())).statusCode(200).body("status", equalTo("EXECUTING"));
        worker.runDueJobs();

        as(OWNER, "requester").get("/v1/requests/{id}", id).then().body("status", equalTo("SUCCEEDED"));
        assertEquals(1, iam.listMfaDevices(user).size());
        assertTrue(iam.listMfaDevices(user).get(0).serialNumber().endsWith(":mfa/iam-steward/" + user));
    }

    @Test
    void wrongCodesAStrangerOrTheWrongMomentChangeNothing() {
        String user = managedUser();
        String id = submit("ENROL_MFA", user, Map.of());
        sendCodes(OWNER, id, Map.of("code1", "123456", "code2", "654321")).statusCode(409);
        Secret seed = approveAndFetchSeed(id);
        Instant now = clock.instant();

        sendCodes(OWNER, id, Map.of("code1", Totp.codeAt(seed, now.plusSeconds(30)), "code2",
                Totp.codeAt(seed, now))).statusCode(400);
        sendCodes(OWNER, id, Map.of("code1", "12345", "code2", "x")).statusCode(400);
        sendCodes("alice", id, codes(seed, now)).statusCode(403)
                .body("type", equalTo("urn:iam-steward:problem:not-recipient"));

        as(OWNER, "requester").get("/v1/requests/{id}", id).then().body("status", equalTo("AWAITING_MFA_CODES"));
        assertTrue(iam.listMfaDevices(user).isEmpty());
    }

    /**
     * The requester's manager may see the enrolment, as everywhere else, so their codes are refused because only the
     * owner holds the device, not because the request is hidden from them; a stranger does not learn it exists.
     */
    @Test
    void theRequestersManagerSeesTheEnrolmentButOnlyTheOwnerEnablesTheDevice() {
        String user = managedUser();
        String id = RestAssured.given().auth().oauth2(Tokens.tokenWithManager("alice", "mona", "requester"))
                .contentType(ContentType.JSON).body(Map.of("type", "ENROL_MFA", "userName", user, "reason", "mfa"))
                .post("/v1/requests").then().statusCode(202).extract().path("id");
        Secret seed = approveAndFetchSeed(id);
        Instant now = clock.instant();

        as("mona", "requester").get("/v1/requests/{id}", id).then().statusCode(200);
        sendCodes("mona", id, codes(seed, now)).statusCode(403)
                .body("type", equalTo("urn:iam-steward:problem:not-recipient"));
        sendCodes("mallory", id, codes(seed, now)).statusCode(404);

        sendCodes(OWNER, id, codes(seed, now)).statusCode(200).body("status", equalTo("EXECUTING"));
    }

    @Test
    void aDeviceIsRemovedAndAUserWithOneCannotEnrolAgain() {
        String user = managedUser();
        String id = submit("ENROL_MFA", user, Map.of());
        Secret seed = approveAndFetchSeed(id);
        sendCodes(OWNER, id, codes(seed, clock.instant())).statusCode(200);
        worker.runDueJobs();

        as("alice", "requester").contentType(ContentType.JSON)
                .body(Map.of("type", "ENROL_MFA", "userName", user, "reason", "again"))
                .post("/v1/requests").then().statusCode(409);

        String removal = submit("REMOVE_MFA", user, Map.of());
        as("alice", "requester").get("/v1/requests/{id}", removal).then()
                .body("plan.action", equalTo(java.util.List.of("iam:DeactivateMFADevice",
                        "iam:DeleteVirtualMFADevice")));
        approve(removal);
        worker.runDueJobs();
        assertTrue(iam.listMfaDevices(user).isEmpty());
    }

    @Test
    void codesAfterTheSeedExpiredFailTheRequestCleanly() {
        String user = managedUser();
        String id = submit("ENROL_MFA", user, Map.of());
        Secret seed = approveAndFetchSeed(id);
        clock.advance(java.time.Duration.ofHours(25));
        deliveries.destroyExpired();

        sendCodes(OWNER, id, codes(seed, clock.instant())).statusCode(410)
                .body("type", equalTo("urn:iam-steward:problem:secret-gone"));
        as(OWNER, "requester").get("/v1/requests/{id}", id).then().body("status", equalTo("FAILED"));
        assertTrue(iam.listMfaDevices(user).isEmpty());
    }

    @Test
    void anEnrolmentNobodyFinishesFailsWhenItsSeedExpires() {
        String user = managedUser();
        String id = submit("ENROL_MFA", user, Map.of());
        approveAndFetchSeed(id);
        expiry.failExpired();
        as(OWNER, "requester").get("/v1/requests/{id}", id).then().body("status", equalTo("AWAITING_MFA_CODES"));

        clock.advance(java.time.Duration.ofHours(25));

        assertTrue(expiry.failExpired() >= 1);
        as(OWNER, "requester").get("/v1/requests/{id}", id).then()
                .body("status", equalTo("FAILED"))
                .body("failureReason", org.hamcrest.Matchers.containsString("expired"));
    }

    /** Approves an enrolment, lets it make the device, and fetches the seed as the owner does. */
    private Secret approveAndFetchSeed(String id) {
        approve(id);
        worker.runDueJobs();
        String delivery = as(OWNER, "requester").get("/v1/requests/{id}", id).then().extract()
                .path("secrets[0].id");
        return Secret.of(Secrets.retrieve(OWNER, delivery).statusCode(200).extract().path("secret"));
    }

    private static Map<String, String> codes(Secret seed, Instant now) {
        return Map.of("code1", Totp.codeAt(seed, now), "code2", Totp.codeAt(seed, now.plusSeconds(30)));
    }

    private static io.restassured.response.ValidatableResponse sendCodes(String user, String id,
            Map<String, String> codes) {
        return as(user, "requester").contentType(ContentType.JSON).body(codes)
                .post("/v1/requests/{id}/mfa-codes", id).then();
    }

    private String managedUser() {
        return Flows.managedUser(worker, "mfa", OWNER);
    }
}
