package dev.iamsteward.iam.memory;

import static dev.iamsteward.iam.memory.MemoryFixtures.BOUNDARY;
import static dev.iamsteward.iam.memory.MemoryFixtures.BY;
import static dev.iamsteward.iam.memory.MemoryFixtures.READ_ONLY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamsteward.common.Secret;
import dev.iamsteward.iam.IamException;
import dev.iamsteward.iam.NewUser;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** DeleteUser refuses while anything hangs off the user, and the calls that take those things off. */
class InMemoryIamDeleteUserTest {

    private static final String USER = "leaver";

    private final InMemoryIamDirectory iam = MemoryFixtures.iamWithUser(USER);

    /** Every kind of dependent AWS lists for DeleteUser, with how to add one and how to take it off again. */
    enum Dependent {
        LOGIN_PROFILE("login profile",
                (iam, u) -> iam.createLoginProfile(u, Secret.of("Aa1!aaaa"), true, BY),
                (iam, u) -> iam.deleteLoginProfile(u, BY)),
        ACCESS_KEY("access keys", (iam, u) -> iam.createAccessKey(u, BY),
                (iam, u) -> iam.deleteAccessKey(u, iam.listAccessKeys(u).get(0).accessKeyId(), BY)),
        SIGNING_CERTIFICATE("signing certificates", (iam, u) -> iam.uploadSigningCertificate(u),
                (iam, u) -> iam.deleteSigningCertificate(u, iam.listSigningCertificates(u).get(0), BY)),
        SSH_PUBLIC_KEY("SSH public keys", (iam, u) -> iam.uploadSshPublicKey(u),
                (iam, u) -> iam.deleteSshPublicKey(u, iam.listSshPublicKeys(u).get(0), BY)),
        SERVICE_CREDENTIAL("service-specific credentials", (iam, u) -> iam.createServiceSpecificCredential(u),
                (iam, u) -> iam.deleteServiceSpecificCredential(u, iam.listServiceSpecificCredentials(u).get(0), BY)),
        MFA_DEVICE("MFA devices", (iam, u) -> MemoryFixtures.enableNewDevice(iam, u, "phone"), (iam, u) -> {
            String serial = iam.listMfaDevices(u).get(0).serialNumber();
            iam.deactivateMfaDevice(u, serial, BY);
            iam.deleteVirtualMfaDevice(serial, BY);
        }),
        INLINE_POLICY("inline policies", (iam, u) -> iam.putUserPolicy(u, "inline"),
                (iam, u) -> iam.deleteUserPolicy(u, "inline", BY)),
        MANAGED_POLICY("attached managed policies", (iam, u) -> {
            iam.createManagedPolicy(READ_ONLY);
            iam.attachUserPolicy(u, READ_ONLY, BY);
        }, (iam, u) -> iam.detachUserPolicy(u, READ_ONLY, BY)),
        GROUP("group memberships", (iam, u) -> {
            iam.createGroup("Developers");
            iam.addUserToGroup("developers", u, BY);
        }, (iam, u) -> iam.removeUserFromGroup("Developers", u, BY));

        final String kind;
        final BiConsumer<InMemoryIamDirectory, String> add;
        final BiConsumer<InMemoryIamDirectory, String> remove;

        Dependent(String kind, BiConsumer<InMemoryIamDirectory, String> add,
                BiConsumer<InMemoryIamDirectory, String> remove) {
            this.kind = kind;
            this.add = add;
            this.remove = remove;
        }
    }

    @ParameterizedTest
    @EnumSource(Dependent.class)
    void eachDependentBlocksDeleteUserUntilItIsRemoved(Dependent dependent) {
        dependent.add.accept(iam, USER);

        IamException.DeleteConflict conflict = assertThrows(IamException.DeleteConflict.class,
                () -> iam.deleteUser(USER, BY));
        assertTrue(conflict.getMessage().contains(dependent.kind), conflict.getMessage());
        assertTrue(iam.findUser(USER).isPresent());

        dependent.remove.accept(iam, USER);
        iam.deleteUser(USER, BY);
        assertTrue(iam.findUser(USER).isEmpty());
    }

    @Test
    void theConflictNamesEveryKindStillPresent() {
        Dependent.ACCESS_KEY.add.accept(iam, USER);
        Dependent.GROUP.add.accept(iam, USER);

        String message = assertThrows(IamException.DeleteConflict.class, () -> iam.deleteUser(USER, BY)).getMessage();

        assertTrue(message.contains("access keys") && message.contains("group memberships"), message);
        assertTrue(!message.contains("login profile"), message);
    }

    @Test
    void aPermissionsBoundaryDoesNotBlockDeletion() {
        iam.createUser(new NewUser("bounded", "/", BOUNDARY, Map.of()), BY);

        iam.deleteUser("bounded", BY);

        assertTrue(iam.findUser("bounded").isEmpty());
    }

    @Test
    void deletingTheBoundaryClearsItAndIsHarmlessWhenNoneIsSet() {
        iam.deleteUserPermissionsBoundary(USER, BY);
        assertNull(iam.findUser(USER).orElseThrow().permissionsBoundaryArn());

        iam.deleteUserPermissionsBoundary(USER, BY);
        assertEquals("DeleteUserPermissionsBoundary", iam.calls().get(iam.calls().size() - 1).operation());
    }

    @Test
    void groupsAndPoliciesMustExist() {
        assertThrows(IamException.NoSuchEntity.class, () -> iam.addUserToGroup("nobody", USER, BY));
        assertThrows(IamException.NoSuchEntity.class, () -> iam.attachUserPolicy(USER, READ_ONLY, BY));
        assertThrows(IamException.InvalidInput.class, () -> iam.attachUserPolicy(USER, "not-an-arn", BY));
        assertThrows(IamException.EntityAlreadyExists.class, () -> {
            iam.createGroup("ops");
            iam.createGroup("OPS");
        });
        assertEquals(List.of(), iam.listGroupsForUser(USER));
    }

    @Test
    void awsManagedPoliciesExistInEveryAccount() {
        iam.attachUserPolicy(USER, "arn:aws:iam::aws:policy/IAMUserChangePassword", BY);

        assertEquals(List.of("arn:aws:iam::aws:policy/IAMUserChangePassword"), iam.listAttachedUserPolicies(USER));
    }

    @Test
    void removingWhatIsNotThereIsNoSuchEntity() {
        iam.createGroup("ops");
        iam.createManagedPolicy(READ_ONLY);

        assertThrows(IamException.NoSuchEntity.class, () -> iam.removeUserFromGroup("ops", USER, BY));
        assertThrows(IamException.NoSuchEntity.class, () -> iam.detachUserPolicy(USER, READ_ONLY, BY));
        assertThrows(IamException.NoSuchEntity.class, () -> iam.deleteUserPolicy(USER, "none", BY));
        assertThrows(IamException.NoSuchEntity.class, () -> iam.deleteSigningCertificate(USER, "X", BY));
        assertThrows(IamException.NoSuchEntity.class, () -> iam.deleteSshPublicKey(USER, "APKAX", BY));
        assertThrows(IamException.NoSuchEntity.class, () -> iam.deleteServiceSpecificCredential(USER, "X", BY));
    }

    @Test
    void aUserBelongsToAtMostTenGroupsAndJoiningTwiceChangesNothing() {
        IntStream.range(0, 11).forEach(i -> iam.createGroup("g" + i));
        IntStream.range(0, 10).forEach(i -> iam.addUserToGroup("g" + i, USER, BY));
        iam.addUserToGroup("G0", USER, BY);

        assertThrows(IamException.LimitExceeded.class, () -> iam.addUserToGroup("g10", USER, BY));
        assertEquals(10, iam.listGroupsForUser(USER).size());
        assertEquals("g0", iam.listGroupsForUser(USER).get(0));
    }

    @Test
    void aUserHasAtMostTenManagedPoliciesAndAttachingTwiceChangesNothing() {
        List<String> arns = IntStream.range(0, 11).mapToObj(i -> "arn:aws:iam::000000000000:policy/team/p" + i)
                .toList();
        arns.forEach(iam::createManagedPolicy);
        arns.subList(0, 10).forEach(arn -> iam.attachUserPolicy(USER, arn, BY));
        iam.attachUserPolicy(USER, arns.get(0), BY);

        assertThrows(IamException.LimitExceeded.class, () -> iam.attachUserPolicy(USER, arns.get(10), BY));
        assertEquals(arns.subList(0, 10), iam.listAttachedUserPolicies(USER));
    }

    @Test
    void otherCredentialsHaveAwsQuotasAndAwsShapedIds() {
        String certificate = iam.uploadSigningCertificate(USER);
        iam.uploadSigningCertificate(USER);
        IntStream.range(0, 5).forEach(i -> iam.uploadSshPublicKey(USER));
        iam.createServiceSpecificCredential(USER);
        iam.createServiceSpecificCredential(USER);

        assertThrows(IamException.LimitExceeded.class, () -> iam.uploadSigningCertificate(USER));
        assertThrows(IamException.LimitExceeded.class, () -> iam.uploadSshPublicKey(USER));
        assertThrows(IamException.LimitExceeded.class, () -> iam.createServiceSpecificCredential(USER));
        assertEquals(certificate, iam.listSigningCertificates(USER).get(0));
        assertTrue(iam.listSshPublicKeys(USER).stream().allMatch(id -> id.matches("APKA[A-Z0-9]{16}")));
        assertTrue(iam.listServiceSpecificCredentials(USER).stream().allMatch(id -> id.startsWith("ACCA")));
    }

    @Test
    void tagUserMergesAndRefusesMoreThanFiftyInTotal() {
        iam.tagUser(USER, Map.of("team", "data"), BY);
        iam.tagUser(USER, Map.of("team", "payments", "cost", "42"), BY);
        assertEquals(Map.of("team", "payments", "cost", "42"), iam.findUser(USER).orElseThrow().tags());

        Map<String, String> more = new HashMap<>();
        IntStream.range(0, 49).forEach(i -> more.put("k" + i, "v"));
        assertThrows(IamException.LimitExceeded.class, () -> iam.tagUser(USER, more, BY));
        assertEquals(2, iam.findUser(USER).orElseThrow().tags().size(), "a refused request changes nothing");
        assertThrows(IamException.InvalidInput.class, () -> iam.tagUser(USER, Map.of("aws:x", "v"), BY));
    }

    @Test
    void deletedUsersAreGoneAndTheirNameIsFree() {
        iam.deleteUser(USER, BY);

        assertThrows(IamException.NoSuchEntity.class, () -> iam.deleteUser(USER, BY));
        iam.createUser(new NewUser(USER.toUpperCase(), "/", BOUNDARY, Map.of()), BY);
        assertEquals(List.of(), iam.listAccessKeys(USER));
    }
}
