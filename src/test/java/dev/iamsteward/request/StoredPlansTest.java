package dev.iamsteward.request;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.iamsteward.account.Organization;
import dev.iamsteward.account.TargetAccount;
import dev.iamsteward.account.TargetAccounts;
import dev.iamsteward.common.Secret;
import dev.iamsteward.iam.AccessKey;
import dev.iamsteward.iam.Attribution;
import dev.iamsteward.iam.GuardedOrganizationRoot;
import dev.iamsteward.iam.NewUser;
import dev.iamsteward.iam.NewVirtualMfa;
import dev.iamsteward.iam.RootSession;
import dev.iamsteward.iam.RootTask;
import dev.iamsteward.iam.RootUserCredentials;
import dev.iamsteward.iam.Totp;
import dev.iamsteward.iam.memory.InMemoryIamDirectory;
import dev.iamsteward.iam.memory.InMemoryOrganization;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Plans as they are stored: for a request of every type, the plan's JSON as PostgreSQL keeps it and the plan
 * hash approvers sign stay byte for byte what they were, so requests stored and approved before a change to the
 * planner still execute and still match their approvals. Ids IAM makes up are replaced by stable names first.
 * Run with {@code -Dplans.record=true} to write the fixture anew (only when a plan is meant to change).
 */
@QuarkusTest
class StoredPlansTest {

    private static final String FIXTURE = "stored-plans.json";
    private static final Attribution SETUP = new Attribution(UUID.randomUUID(), "fixture", List.of());
    private static final Instant FAR = Instant.parse("2099-01-01T00:00:00Z");
    private static final String ROOT_MEMBER = "111111111111";

    @Inject
    RequestPlanner planner;

    @Inject
    InMemoryIamDirectory iam;

    @Inject
    TargetAccounts accounts;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Organization organization;

    /** Real value → stable stand-in, applied to every string of a plan before it is compared. */
    private final Map<String, String> standIns = new LinkedHashMap<>();
    private TargetAccount account;

    @Test
    void plansAreStoredAndHashedAsBefore() throws IOException {
        account = accounts.resolve(null);
        Map<String, Map<String, String>> seen = new TreeMap<>();
        String suffix = UUID.randomUUID().toString().substring(0, 8);

        String fresh = name("newcomer", suffix);
        seen.put("CREATE_USER", plan(RequestType.CREATE_USER, fresh, b -> b.path("/iam-steward/data/")
                .expires(FAR).tags(Map.of("team", "data", "cost-centre", "42"))));

        String plain = user("plain", suffix);
        seen.put("GRANT_CONSOLE_ACCESS", plan(RequestType.GRANT_CONSOLE_ACCESS, plain, b -> b));
        seen.put("CREATE_ACCESS_KEY", plan(RequestType.CREATE_ACCESS_KEY, plain, b -> b.expires(FAR)));
        seen.put("ADD_TO_GROUP", plan(RequestType.ADD_TO_GROUP, plain, b -> b.profile("ops")));
        seen.put("ATTACH_POLICY", plan(RequestType.ATTACH_POLICY, plain, b -> b.profile("data-read")));
        seen.put("ENROL_MFA", plan(RequestType.ENROL_MFA, plain, b -> b));
        seen.put("SUSPEND_USER (nothing to take but the deny)", plan(RequestType.SUSPEND_USER, plain, b -> b));

        String keyed = user("keyed", suffix);
        String active = key(keyed, "KEY-ACTIVE");
        String inactive = key(keyed, "KEY-INACTIVE");
        iam.updateAccessKey(keyed, inactive, AccessKey.Status.INACTIVE, SETUP);
        seen.put("DEACTIVATE_ACCESS_KEY", plan(RequestType.DEACTIVATE_ACCESS_KEY, keyed, b -> b.key(active)));
        seen.put("REACTIVATE_ACCESS_KEY", plan(RequestType.REACTIVATE_ACCESS_KEY, keyed, b -> b.key(inactive)));
        seen.put("DELETE_ACCESS_KEY", plan(RequestType.DELETE_ACCESS_KEY, keyed, b -> b.key(inactive)));
        seen.put("ROTATE_ACCESS_KEY", plan(RequestType.ROTATE_ACCESS_KEY, keyed, b -> b.key(active)));
        KnownUser known = new KnownUser(iam.findUser(keyed).orElseThrow().arn(), "olivia",
                List.of(iam.listAccessKeys(keyed).get(0)));
        seen.put("CREATE_ACCESS_KEY (known user)", plan(RequestType.CREATE_ACCESS_KEY, keyed, b -> b.known(known)));
        seen.put("DEACTIVATE_ACCESS_KEY (known user)", plan(RequestType.DEACTIVATE_ACCESS_KEY, keyed,
                b -> b.key(active).known(known)));

        String full = fullyEquipped(suffix);
        seen.put("REVOKE_CONSOLE_ACCESS", plan(RequestType.REVOKE_CONSOLE_ACCESS, full, b -> b));
        seen.put("REMOVE_FROM_GROUP", plan(RequestType.REMOVE_FROM_GROUP, full, b -> b.profile("ops")));
        seen.put("DETACH_POLICY", plan(RequestType.DETACH_POLICY, full, b -> b.profile("data-read")));
        seen.put("REMOVE_MFA", plan(RequestType.REMOVE_MFA, full, b -> b));
        seen.put("OFFBOARD_USER", plan(RequestType.OFFBOARD_USER, full, b -> b));
        seen.put("SUSPEND_USER", plan(RequestType.SUSPEND_USER, full, b -> b));

        String passwordReady = user("ready", suffix);
        iam.attachUserPolicy(passwordReady, RequestPlanner.CHANGE_PASSWORD_POLICY, SETUP);
        seen.put("GRANT_CONSOLE_ACCESS (password policy already attached)",
                plan(RequestType.GRANT_CONSOLE_ACCESS, passwordReady, b -> b));

        seen.put("RESTORE_USER", restorePlan(suffix));

        seen.put("DELETE_ROOT_CREDENTIALS", rootPlan(RequestType.DELETE_ROOT_CREDENTIALS, b -> b, true));
        seen.put("ALLOW_ROOT_PASSWORD_RECOVERY", rootPlan(RequestType.ALLOW_ROOT_PASSWORD_RECOVERY,
                b -> b.expires(clock.instant().plus(Duration.ofHours(1))), false));

        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
        if (Boolean.getBoolean("plans.record")) {
            Path out = Path.of(System.getProperty("basedir", "."), "src/test/resources", FIXTURE);
            Files.createDirectories(out.getParent());
            Files.writeString(out, json.writeValueAsString(seen) + "\n");
            return;
        }
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(FIXTURE)) {
            @SuppressWarnings("unchecked")
            Map<String, Map<String, String>> expected = json.readValue(in, TreeMap.class);
            assertEquals(expected.keySet(), seen.keySet());
            expected.forEach((type, plan) -> {
                assertEquals(plan.get("json"), seen.get(type).get("json"), type + ": stored JSON");
                assertEquals(plan.get("hash"), seen.get(type).get("hash"), type + ": plan hash");
            });
        }
    }

    /** A user suspended by a succeeded SUSPEND_USER, with what it took away gone from IAM, to be restored. */
    private Map<String, String> restorePlan(String suffix) {
        String suspended = user("suspended", suffix);
        String keyId = key(suspended, "KEY-SUSPENDED");
        iam.createLoginProfile(suspended, Secret.of("Fixture-password-1!"), false, SETUP);
        AccessRequest suspension = request(RequestType.SUSPEND_USER, suspended, b -> b);
        QuarkusTransaction.requiringNew().run(() -> {
            planner.plan(suspension);
            suspension.planHash = PlanHash.of(suspension);
            suspension.status = RequestStatus.SUCCEEDED;
            suspension.completedAt = clock.instant();
            suspension.risk = "LOW";
            suspension.approval = new ApprovalRequirement("fixture", 1, List.of("approvers"), false, false);
            suspension.id = UUID.randomUUID();
            em.persist(suspension);
        });
        iam.attachUserPolicy(suspended, "arn:aws:iam::aws:policy/AWSDenyAll", SETUP);
        iam.updateAccessKey(suspended, keyId, AccessKey.Status.INACTIVE, SETUP);
        iam.deleteLoginProfile(suspended, SETUP);
        return plan(RequestType.RESTORE_USER, suspended, b -> b);
    }

    /**
     * A plan on the root user of a member account of the sandbox organization, which holds one credential of each
     * kind when {@code equipped}; the root user holds nothing before or after, as other tests expect.
     */
    private Map<String, String> rootPlan(RequestType type, UnaryOperator<Fields> how, boolean equipped) {
        InMemoryOrganization sandbox = (InMemoryOrganization) GuardedOrganizationRoot.beneath(organization.root());
        emptyRoot(sandbox);
        try {
            if (equipped) {
                sandbox.giveRootPassword(ROOT_MEMBER);
                standIns.put(sandbox.giveRootAccessKey(ROOT_MEMBER), "ROOT-KEY");
                standIns.put(sandbox.giveRootSigningCertificate(ROOT_MEMBER), "ROOT-CERTIFICATE");
            }
            standIns.put(sandbox.giveRootMfaDevice(ROOT_MEMBER), "ROOT-MFA");
            return plan(type, ROOT_MEMBER, how);
        } finally {
            emptyRoot(sandbox);
        }
    }

    private static void emptyRoot(InMemoryOrganization sandbox) {
        RootUserCredentials held = RootUserCredentials.readIn(sandbox.assumeRoot(ROOT_MEMBER,
                RootTask.AUDIT_ROOT_USER_CREDENTIALS, Duration.ofMinutes(1), null));
        RootSession delete = sandbox.assumeRoot(ROOT_MEMBER, RootTask.DELETE_ROOT_USER_CREDENTIALS,
                Duration.ofMinutes(1), null);
        if (held.password()) {
            delete.deleteLoginProfile();
        }
        held.accessKeyIds().forEach(delete::deleteAccessKey);
        held.signingCertificateIds().forEach(delete::deleteSigningCertificate);
        held.mfaSerialNumbers().forEach(delete::deactivateMfaDevice);
    }

    /** A managed user with something of every kind offboarding removes. */
    private String fullyEquipped(String suffix) {
        String full = user("full", suffix);
        key(full, "KEY-FULL-1");
        key(full, "KEY-FULL-2");
        iam.createLoginProfile(full, Secret.of("Fixture-password-1!"), false, SETUP);
        standIns.put(iam.uploadSigningCertificate(full), "CERTIFICATE");
        standIns.put(iam.uploadSshPublicKey(full), "SSH-KEY");
        standIns.put(iam.createServiceSpecificCredential(full), "SERVICE-CREDENTIAL");
        iam.putUserPolicy(full, "inline-fixture");
        iam.attachUserPolicy(full, "arn:aws:iam::000000000000:policy/data-read", SETUP);
        iam.addUserToGroup("ops", full, SETUP);
        iam.addUserToGroup("on-call", full, SETUP);
        NewVirtualMfa device = iam.createVirtualMfaDevice(full, account.managedPath(), SETUP);
        Instant now = clock.instant();
        iam.enableMfaDevice(full, device.serialNumber(), Totp.codeAt(device.base32Seed(), now.minusSeconds(30)),
                Totp.codeAt(device.base32Seed(), now), SETUP);
        return full;
    }

    private String name(String role, String suffix) {
        String name = "plan-" + role + "-" + suffix;
        standIns.put(name, "USER-" + role);
        return name;
    }

    private String user(String role, String suffix) {
        String name = name(role, suffix);
        iam.createUser(new NewUser(name, account.managedPath(), account.settings().permissionsBoundaryArn(),
                Map.of(RequestPlanner.OWNER_TAG, "olivia")), SETUP);
        return name;
    }

    private String key(String user, String standIn) {
        String id = iam.createAccessKey(user, SETUP).key().accessKeyId();
        standIns.put(id, standIn);
        return id;
    }

    private Map<String, String> plan(RequestType type, String userName, UnaryOperator<Fields> how) {
        AccessRequest request = request(type, userName, how);
        Fields fields = how.apply(new Fields());
        QuarkusTransaction.requiringNew().run(() -> planner.plan(request, fields.known));
        request.userName = standIn(request.userName);
        if (type == RequestType.ALLOW_ROOT_PASSWORD_RECOVERY) {
            request.expiresAt = FAR; // the window is bounded from now: a stable stand-in for the hash
        }
        request.accessKeyId = request.accessKeyId == null ? null : standIn(request.accessKeyId);
        request.plan = request.plan.stream().map(call -> {
            Map<String, String> parameters = new LinkedHashMap<>();
            call.parameters().forEach((k, v) -> parameters.put(standIn(k), standIn(v)));
            return new PlannedCall(call.action(), parameters);
        }).toList();
        String stored = QuarkusTransaction.requiringNew().call(() -> (String) em
                .createNativeQuery("select cast(cast(?1 as text) as jsonb)::text")
                .setParameter(1, asJson(request.plan)).getSingleResult());
        return Map.of("json", stored, "hash", PlanHash.of(request));
    }

    private AccessRequest request(RequestType type, String userName, UnaryOperator<Fields> how) {
        Fields f = how.apply(new Fields());
        SubmitRequest body = new SubmitRequest(account.id(), type, userName, f.path,
                type == RequestType.CREATE_USER ? "olivia" : null, f.expiresAt, f.accessKeyId, f.profile,
                f.tags, "the stored-plan fixture");
        AccessRequest request = AccessRequest.submit(account.id(), body, "alice", null, FAR.minusSeconds(1));
        request.id = UUID.fromString("00000000-0000-4000-8000-" + String.format("%012d", type.ordinal()));
        return request;
    }

    private String standIn(String value) {
        String out = value;
        for (Map.Entry<String, String> e : standIns.entrySet()) {
            out = out.replace(e.getKey(), e.getValue());
        }
        return out;
    }

    private static String asJson(List<PlannedCall> plan) {
        try {
            return new ObjectMapper().writeValueAsString(new ArrayList<>(plan));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The fields of a submission that differ by type. */
    static final class Fields {
        String path;
        Instant expiresAt;
        String accessKeyId;
        String profile;
        Map<String, String> tags;
        KnownUser known;

        Fields path(String value) {
            path = value;
            return this;
        }

        Fields expires(Instant value) {
            expiresAt = value;
            return this;
        }

        Fields key(String value) {
            accessKeyId = value;
            return this;
        }

        Fields profile(String value) {
            profile = value;
            return this;
        }

        Fields tags(Map<String, String> value) {
            tags = value;
            return this;
        }

        Fields known(KnownUser value) {
            known = value;
            return this;
        }
    }
}
