package dev.iamsteward.rotation;

import static dev.iamsteward.support.Tokens.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamsteward.support.Flows;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Exemptions from rotation: made by admins, audited, honoured by the sweep until they expire or are deleted. */
@QuarkusTest
class RotationExemptionTest extends RotationFixture {

    @Test
    void exemptKeysAreSkippedUntilTheExemptionExpiresOrIsDeleted() {
        String wholeUser = Flows.managedUser(worker, "exempt", "alice");
        String oneKey = Flows.managedUser(worker, "exkey", "alice");
        iam.createAccessKey(wholeUser, OUTSIDE);
        String key = iam.createAccessKey(oneKey, OUTSIDE).key().accessKeyId();
        clock.advance(Duration.ofDays(91));

        String userExemption = create(body(wholeUser, null, clock.instant().plus(Duration.ofDays(30))))
                .statusCode(201).header("Location", containsString("/v1/rotations/exemptions/"))
                .body("owner", equalTo("carol")).body("active", equalTo(true)).extract().path("id");
        create(body(oneKey, key, clock.instant().plus(Duration.ofDays(1)))).statusCode(201)
                .body("accessKeyId", equalTo(key));

        account.reset();
        RotationSweep.Result result = sweep.sweep();
        assertTrue(result.exempt() >= 2, result.toString());
        assertNull(rotation(wholeUser));
        assertNull(rotation(oneKey));

        clock.advance(Duration.ofDays(2));
        account.reset();
        sweep.sweep();
        assertNotNull(rotation(oneKey), "the key's exemption has expired");
        assertNull(rotation(wholeUser));
        as("dave", "admin").get("/v1/rotations/exemptions?limit=500").then().statusCode(200)
                .body("items.find { it.accessKeyId == '" + key + "' }.active", equalTo(false));

        as("dave", "admin").delete("/v1/rotations/exemptions/{id}", userExemption).then().statusCode(204);
        as("dave", "admin").delete("/v1/rotations/exemptions/{id}", userExemption).then().statusCode(404)
                .contentType("application/problem+json");
        account.reset();
        sweep.sweep();
        assertNotNull(rotation(wholeUser));
        as("erin", "auditor").get("/v1/audit?action=rotation.exemption-deleted&limit=500").then().statusCode(200)
                .body("items.detail", hasItem(containsString(userExemption)));
        as("erin", "auditor").get("/v1/audit?action=rotation.exemption-created&limit=500").then().statusCode(200)
                .body("items.detail", hasItem(containsString("every key of " + wholeUser)));
    }

    @Test
    void invalidExemptionsAreRefusedAsProblemsAndChangeNothing() {
        String user = Flows.managedUser(worker, "exbad", "alice");
        long before = QuarkusTransaction.requiringNew().call(() -> RotationExemption.count());
        Map<String, Object> noOwner = body(user, null, clock.instant().plus(Duration.ofDays(1)));
        noOwner.remove("owner");
        create(noOwner).statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("owner is required"));
        create(body(user, null, clock.instant().minus(Duration.ofDays(1)))).statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("in the future"));
        create(body(user, null, clock.instant().plus(Duration.ofDays(91)))).statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("exemption-max-length"));
        create(body("nobody-" + UUID.randomUUID().toString().substring(0, 8), null,
                clock.instant().plus(Duration.ofDays(1)))).statusCode(404).contentType("application/problem+json");
        create(body(user, "ABCDEFGHIJKLMNOP0123", clock.instant().plus(Duration.ofDays(1)))).statusCode(404)
                .contentType("application/problem+json");
        as("bob", "approver").contentType(ContentType.JSON).body(body(user, null, clock.instant()
                .plus(Duration.ofDays(1)))).post("/v1/rotations/exemptions").then().statusCode(403);
        assertEquals(before, (long) QuarkusTransaction.requiringNew().call(() -> RotationExemption.count()));
    }

    private static io.restassured.response.ValidatableResponse create(Map<String, Object> body) {
        return as("dave", "admin").contentType(ContentType.JSON).body(body).post("/v1/rotations/exemptions")
                .then();
    }

    private static Map<String, Object> body(String user, String keyId, Instant expiresAt) {
        Map<String, Object> body = new HashMap<>();
        body.put("userName", user);
        if (keyId != null) {
            body.put("accessKeyId", keyId);
        }
        body.put("owner", "carol");
        body.put("reason", "the deploy tool is frozen until the release");
        body.put("expiresAt", expiresAt.toString());
        return body;
    }

    private static KeyRotation rotation(String user) {
        return QuarkusTransaction.requiringNew().call(() -> KeyRotation.<KeyRotation>find("userName", user)
                .firstResult());
    }
}
