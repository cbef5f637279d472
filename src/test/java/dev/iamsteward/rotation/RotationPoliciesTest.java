package dev.iamsteward.rotation;

import static dev.iamsteward.support.Tokens.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamsteward.iam.AccessKey;
import dev.iamsteward.iam.IamException;
import dev.iamsteward.support.Flows;
import dev.iamsteward.support.Requests;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Named rotation policies: who follows which, and what each policy's own values change. */
@QuarkusTest
@TestProfile(RotationPoliciesTest.Policies.class)
class RotationPoliciesTest extends RotationFixture {

    /** A path policy, a tag policy and a profile policy, each with its own max-age. */
    public static class Policies implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "steward.rotation.policies.fast.path-prefix", "/iam-steward/fast/",
                    "steward.rotation.policies.fast.max-age", "P30D",
                    "steward.rotation.policies.fast.deactivate-when", "NEW_KEY_USED",
                    "steward.rotation.policies.ci.tag", "rotation=ci",
                    "steward.rotation.policies.ci.max-age", "P60D",
                    "steward.rotation.policies.ci.deactivate-when", "GRACE_ELAPSED",
                    "steward.rotation.policies.ci.grace-until-deactivate", "P2D",
                    "steward.rotation.policies.ops.profile", "ops",
                    "steward.rotation.policies.ops.max-age", "P180D");
        }
    }

    @Test
    void eachUserFollowsTheMostSpecificPolicyThatMatchesIt() {
        String fast = user("fast", Map.of("path", "/iam-steward/fast/"));
        String ci = user("ci", Map.of("tags", Map.of("rotation", "ci")));
        String plain = user("plain", Map.of());
        String ops = user("ops", Map.of("path", "/iam-steward/fast/"));
        for (String group : List.of("ops", "on-call")) {
            try {
                iam.createGroup(group);
            } catch (IamException.EntityAlreadyExists e) {
                // Made by an earlier test of this class.
            }
            iam.addUserToGroup(group, ops, OUTSIDE);
        }
        List.of(fast, ci, plain, ops).forEach(u -> iam.createAccessKey(u, OUTSIDE));

        clock.advance(Duration.ofDays(31));
        sweepAndRun();
        assertEquals("fast", rotation(fast).policy);
        assertNull(rotation(ci), "the ci policy's max-age is 60 days");
        assertNull(rotation(plain), "the default max-age is 90 days");
        assertNull(rotation(ops), "a profile outweighs a path: the ops policy's max-age is 180 days");

        clock.advance(Duration.ofDays(30));
        sweepAndRun();
        assertEquals("ci", rotation(ci).policy);
        assertNull(rotation(plain));

        clock.advance(Duration.ofDays(30));
        sweepAndRun();
        assertEquals(RotationPolicy.DEFAULT, rotation(plain).policy);
        assertNull(rotation(ops));
        as("erin", "auditor").get("/v1/rotations?userName=" + ci).then().statusCode(200)
                .body("items[0].policy", equalTo("ci"));
        String oldKey = rotation(fast).oldKeyId;
        as("erin", "auditor").get("/v1/users/{user}", fast).then().statusCode(200)
                .body("accessKeys.find { it.accessKeyId == '" + oldKey + "' }.rotation.policy", equalTo("fast"));
    }

    @Test
    void aPolicyDecidesWhatLetsTheOldKeyBeDeactivated() {
        String fast = user("wait-use", Map.of("path", "/iam-steward/fast/"));
        String ci = user("wait-grace", Map.of("tags", Map.of("rotation", "ci")));
        iam.createAccessKey(fast, OUTSIDE);
        iam.createAccessKey(ci, OUTSIDE);
        clock.advance(Duration.ofDays(61));
        sweepAndRun();
        sweepAndRun();
        assertEquals(RotationStatus.WAITING, rotation(fast).status);
        assertEquals(RotationStatus.WAITING, rotation(ci).status);

        iam.recordKeyUse(rotation(ci).newKeyId, clock.instant(), "s3", "us-east-1");
        clock.advance(Duration.ofDays(1));
        sweepAndRun();
        assertEquals(RotationStatus.WAITING, rotation(ci).status, "ci waits out its two days' grace even so");

        clock.advance(Duration.ofDays(10));
        sweepAndRun();
        assertEquals(RotationStatus.DEACTIVATING, rotation(ci).status);
        KeyRotation waiting = rotation(fast);
        assertEquals(RotationStatus.WAITING, waiting.status, "fast waits for the new key's use, however long");
        assertTrue(waiting.note.contains("first use"), waiting.note);
        assertEquals(AccessKey.Status.ACTIVE, iam.listAccessKeys(fast).stream()
                .filter(k -> k.accessKeyId().equals(waiting.oldKeyId)).findFirst().orElseThrow().status());

        iam.recordKeyUse(waiting.newKeyId, clock.instant(), "s3", "us-east-1");
        sweepAndRun();
        assertEquals(RotationStatus.DEACTIVATING, rotation(fast).status);
    }

    private String user(String prefix, Map<String, Object> extra) {
        String user = Requests.uniqueUserName(prefix);
        Map<String, Object> body = new java.util.HashMap<>(extra);
        body.put("owner", "alice");
        Flows.approveAndRun(worker, Requests.submit("CREATE_USER", user, body));
        return user;
    }

    private void sweepAndRun() {
        account.reset();
        sweep.sweep();
        Flows.drain(worker);
    }

    private static KeyRotation rotation(String user) {
        return QuarkusTransaction.requiringNew().call(() -> KeyRotation.<KeyRotation>find("userName", user)
                .firstResult());
    }
}
