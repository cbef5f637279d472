package dev.iamsteward.user;

import static dev.iamsteward.support.Requests.approve;
import static dev.iamsteward.support.Requests.submit;
import static dev.iamsteward.support.Requests.uniqueUserName;
import static dev.iamsteward.support.Tokens.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamsteward.common.Secret;
import dev.iamsteward.execution.JobWorker;
import dev.iamsteward.iam.AccessKey;
import dev.iamsteward.iam.Attribution;
import dev.iamsteward.iam.IamUser;
import dev.iamsteward.iam.NewVirtualMfa;
import dev.iamsteward.iam.Totp;
import dev.iamsteward.iam.memory.InMemoryIamDirectory;
import dev.iamsteward.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code GET /v1/users/{userName}}: everything IAM holds about a managed user now, and its requests. */
@QuarkusTest
class UserDetailTest {

    static final String OWNER = "olivia";
    static final Attribution BY = new Attribution(UUID.randomUUID(), "alice", List.of("bob"));
    private static final String EXPIRES = "2035-01-01T00:00:00Z";

    @Inject
    JobWorker worker;

    @Inject
    InMemoryIamDirectory iam;

    @Inject
    TestClock clock;

    @Test
    void theViewShowsEveryCredentialPolicyAndTagIamHolds() {
        String user = uniqueUserName("detail");
        String created = run(submit("CREATE_USER", user,
                Map.of("owner", OWNER, "expiresAt", EXPIRES, "tags", Map.of("team", "data"))));
        String used = iam.createAccessKey(user, BY).key().accessKeyId();
        String idle = iam.createAccessKey(user, BY).key().accessKeyId();
        Instant usedAt = Instant.parse("2026-01-02T03:04:05Z");
        iam.recordKeyUse(used, usedAt, "s3", "eu-west-1");
        iam.updateAccessKey(user, idle, AccessKey.Status.INACTIVE, BY);
        iam.createLoginProfile(user, Secret.of("Correct-Horse-9-battery"), true, BY);
        String serial = enableMfa(user);
        String group = uniqueUserName("group");
        iam.createGroup(group);
        iam.addUserToGroup(group, user, BY);
        String policy = "arn:aws:iam::000000000000:policy/" + uniqueUserName("policy");
        iam.createManagedPolicy(policy);
        iam.attachUserPolicy(user, policy, BY);
        iam.putUserPolicy(user, "inline-s3");
        String revoke = submit("REVOKE_CONSOLE_ACCESS", user, Map.of());

        JsonPath view = view(user);

        IamUser inIam = iam.findUser(user).orElseThrow();
        assertEquals(Set.of("account", "userName", "userId", "arn", "path", "createdAt", "owner", "expiresAt",
                "createdByRequest", "tags", "permissionsBoundaryArn", "groups", "attachedPolicyArns",
                "inlinePolicyNames", "accessKeys", "console", "mfaDevices", "consoleWithoutMfa", "warnings",
                "requests"), view.getMap("$").keySet());
        assertEquals(user, view.getString("userName"));
        assertEquals(inIam.userId(), view.getString("userId"));
        assertEquals("arn:aws:iam::000000000000:user/iam-steward/" + user, view.getString("arn"));
        assertEquals("/iam-steward/", view.getString("path"));
        assertEquals(inIam.createDate(), instant(view, "createdAt"));
        assertEquals(OWNER, view.getString("owner"));
        assertEquals(Instant.parse(EXPIRES), instant(view, "expiresAt"));
        assertEquals(created, view.getString("createdByRequest"));
        assertEquals(inIam.tags(), view.getMap("tags"));
        assertEquals("data", view.getString("tags.team"));
        assertEquals(inIam.permissionsBoundaryArn(), view.getString("permissionsBoundaryArn"));
        assertTrue(view.getString("permissionsBoundaryArn").startsWith("arn:aws:iam::"));
        assertEquals(List.of(group), view.getList("groups"));
        assertEquals(List.of(policy), view.getList("attachedPolicyArns"));
        assertEquals(List.of("inline-s3"), view.getList("inlinePolicyNames"));

        List<AccessKey> keys = iam.listAccessKeys(user);
        assertEquals(List.of(used, idle), view.getList("accessKeys.accessKeyId"));
        assertEquals(List.of("ACTIVE", "INACTIVE"), view.getList("accessKeys.status"));
        assertEquals(keys.get(0).createDate(), instant(view, "accessKeys[0].createdAt"));
        assertEquals(keys.get(1).createDate(), instant(view, "accessKeys[1].createdAt"));
        assertEquals(usedAt, instant(view, "accessKeys[0].lastUsed.at"));
        assertEquals("s3", view.getString("accessKeys[0].lastUsed.serviceName"));
        assertEquals("eu-west-1", view.getString("accessKeys[0].lastUsed.region"));
        assertEquals(Set.of("at", "serviceName", "region"), view.getMap("accessKeys[1].lastUsed").keySet());
        assertNull(view.get("accessKeys[1].lastUsed.at"), "never used");
        assertNull(view.get("accessKeys[1].lastUsed.serviceName"), "IAM's N/A is shown as null");
        assertNull(view.get("accessKeys[1].lastUsed.region"));

        assertTrue(view.getBoolean("console.enabled"));
        assertEquals(iam.findLoginProfile(user).orElseThrow().createDate(), instant(view, "console.createdAt"));
        assertTrue(view.getBoolean("console.passwordResetRequired"));
        assertEquals(List.of(serial), view.getList("mfaDevices.serialNumber"));
        assertEquals(iam.listMfaDevices(user).get(0).enableDate(), instant(view, "mfaDevices[0].enabledAt"));
        assertFalse(view.getBoolean("consoleWithoutMfa"));
        assertEquals(List.of(), view.getList("warnings"));

        assertEquals(List.of(revoke, created), view.getList("requests.id"), "newest first");
        assertEquals(List.of("REVOKE_CONSOLE_ACCESS", "CREATE_USER"), view.getList("requests.type"));
        assertEquals(List.of("PENDING_APPROVAL", "SUCCEEDED"), view.getList("requests.status"));
        assertEquals(List.of(createdAt(revoke), createdAt(created)), view.getList("requests.createdAt"));
    }

    @Test
    void consoleAccessWithoutMfaIsFlaggedUntilADeviceIsEnabled() {
        String user = managedUser();
        iam.createLoginProfile(user, Secret.of("Correct-Horse-9-battery"), false, BY);

        JsonPath bare = view(user);
        assertTrue(bare.getBoolean("console.enabled"));
        assertFalse(bare.getBoolean("console.passwordResetRequired"));
        assertTrue(bare.getBoolean("consoleWithoutMfa"));
        assertEquals(List.of(UserView.CONSOLE_WITHOUT_MFA), bare.getList("warnings"));

        enableMfa(user);

        JsonPath protectedByMfa = view(user);
        assertFalse(protectedByMfa.getBoolean("consoleWithoutMfa"));
        assertEquals(List.of(), protectedByMfa.getList("warnings"));
    }

    @Test
    void aNewUserHasNoConsoleNoKeysNoDevicesAndNothingToWarnAbout() {
        String user = managedUser();

        JsonPath view = view(user);

        assertFalse(view.getBoolean("console.enabled"));
        assertNull(view.get("console.createdAt"));
        assertFalse(view.getBoolean("consoleWithoutMfa"), "no console, so no console without MFA");
        assertEquals(List.of(), view.getList("warnings"));
        assertEquals(List.of(), view.getList("accessKeys"));
        assertEquals(List.of(), view.getList("mfaDevices"));
        assertEquals(List.of(), view.getList("groups"));
        assertEquals(List.of(), view.getList("attachedPolicyArns"));
        assertEquals(List.of(), view.getList("inlinePolicyNames"));
        assertEquals(1, view.getList("requests").size());
    }

    @Test
    void expiresAtIsNullWhenTheTagIsAbsentOrNotADate() {
        String user = managedUser();
        assertNull(view(user).get("expiresAt"));

        iam.tagUser(user, Map.of("iam-steward:expires-at", "next tuesday"), BY);

        JsonPath view = view(user);
        assertNull(view.get("expiresAt"));
        assertEquals("next tuesday", view.getString("tags.'iam-steward:expires-at'"));
        assertEquals(OWNER, view.getString("owner"));
    }

    /** A user created through the service, owned by {@link #OWNER}, without expiry. */
    String managedUser() {
        String user = uniqueUserName("detail");
        run(submit("CREATE_USER", user, Map.of("owner", OWNER)));
        return user;
    }

    /** Approves and executes a request; returns its id. */
    String run(String id) {
        approve(id);
        worker.runDueJobs();
        return id;
    }

    /** Creates a virtual device and enables it for the user with the codes it shows now and one step later. */
    private String enableMfa(String user) {
        NewVirtualMfa device = iam.createVirtualMfaDevice(uniqueUserName("phone"), "/", BY);
        Instant now = clock.instant();
        iam.enableMfaDevice(user, device.serialNumber(), Totp.codeAt(device.base32Seed(), now),
                Totp.codeAt(device.base32Seed(), now.plusSeconds(30)), BY);
        return device.serialNumber();
    }

    static JsonPath view(String user) {
        return as("erin", "auditor").get("/v1/users/{name}", user).then().statusCode(200).extract().jsonPath();
    }

    private static String createdAt(String requestId) {
        return as("erin", "auditor").get("/v1/requests/{id}", requestId).then().statusCode(200)
                .extract().path("createdAt");
    }

    private static Instant instant(JsonPath json, String path) {
        return Instant.parse(json.getString(path));
    }
}
