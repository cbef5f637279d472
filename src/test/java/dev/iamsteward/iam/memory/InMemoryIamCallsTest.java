package dev.iamsteward.iam.memory;

import static dev.iamsteward.iam.memory.MemoryFixtures.BY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamsteward.common.Secret;
import dev.iamsteward.iam.AccessKey;
import dev.iamsteward.iam.IamException;
import dev.iamsteward.iam.NewUser;
import dev.iamsteward.iam.PasswordPolicy;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every user-level call knows an unknown user, is logged under AWS's operation name, and can be faulted. */
class InMemoryIamCallsTest {

    private static final String GHOST = "ghost";

    private final InMemoryIamDirectory iam = MemoryFixtures.iam();

    /** Each user-level call of the port, named by the AWS operation it stands for. */
    static Stream<Arguments> userCalls() {
        return Stream.of(
                call("TagUser", iam -> iam.tagUser(GHOST, Map.of("k", "v"), BY)),
                call("DeleteUser", iam -> iam.deleteUser(GHOST, BY)),
                call("GetLoginProfile", iam -> iam.findLoginProfile(GHOST)),
                call("CreateLoginProfile", iam -> iam.createLoginProfile(GHOST, Secret.of("Aa1!aaaa"), true, BY)),
                call("DeleteLoginProfile", iam -> iam.deleteLoginProfile(GHOST, BY)),
                call("ListAccessKeys", iam -> iam.listAccessKeys(GHOST)),
                call("CreateAccessKey", iam -> iam.createAccessKey(GHOST, BY)),
                call("UpdateAccessKey", iam -> iam.updateAccessKey(GHOST, "TESTKEYID00000000000",
                        AccessKey.Status.INACTIVE, BY)),
                call("DeleteAccessKey", iam -> iam.deleteAccessKey(GHOST, "TESTKEYID00000000000", BY)),
                call("ListGroupsForUser", iam -> iam.listGroupsForUser(GHOST)),
                call("AddUserToGroup", iam -> iam.addUserToGroup("g", GHOST, BY)),
                call("RemoveUserFromGroup", iam -> iam.removeUserFromGroup("g", GHOST, BY)),
                call("ListAttachedUserPolicies", iam -> iam.listAttachedUserPolicies(GHOST)),
                call("AttachUserPolicy", iam -> iam.attachUserPolicy(GHOST, MemoryFixtures.READ_ONLY, BY)),
                call("DetachUserPolicy", iam -> iam.detachUserPolicy(GHOST, MemoryFixtures.READ_ONLY, BY)),
                call("ListUserPolicies", iam -> iam.listUserPolicies(GHOST)),
                call("DeleteUserPolicy", iam -> iam.deleteUserPolicy(GHOST, "p", BY)),
                call("DeleteUserPermissionsBoundary", iam -> iam.deleteUserPermissionsBoundary(GHOST, BY)),
                call("ListSigningCertificates", iam -> iam.listSigningCertificates(GHOST)),
                call("DeleteSigningCertificate", iam -> iam.deleteSigningCertificate(GHOST, "c", BY)),
                call("ListSSHPublicKeys", iam -> iam.listSshPublicKeys(GHOST)),
                call("DeleteSSHPublicKey", iam -> iam.deleteSshPublicKey(GHOST, "k", BY)),
                call("ListServiceSpecificCredentials", iam -> iam.listServiceSpecificCredentials(GHOST)),
                call("DeleteServiceSpecificCredential", iam -> iam.deleteServiceSpecificCredential(GHOST, "c", BY)),
                call("ListMFADevices", iam -> iam.listMfaDevices(GHOST)),
                call("EnableMFADevice", iam -> iam.enableMfaDevice(GHOST, "arn:aws:iam::000000000000:mfa/x",
                        "000000", "000000", BY)),
                call("DeactivateMFADevice", iam -> iam.deactivateMfaDevice(GHOST,
                        "arn:aws:iam::000000000000:mfa/x", BY)));
    }

    @ParameterizedTest
    @MethodSource("userCalls")
    void anUnknownUserIsNoSuchEntityAndTheCallIsLogged(String operation, Consumer<InMemoryIamDirectory> call) {
        iam.createGroup("g");
        iam.createManagedPolicy(MemoryFixtures.READ_ONLY);

        assertThrows(IamException.NoSuchEntity.class, () -> call.accept(iam));

        IamCall logged = iam.calls().get(iam.calls().size() - 1);
        assertEquals(operation, logged.operation());
        assertEquals(GHOST, logged.userName());
    }

    @ParameterizedTest
    @MethodSource("userCalls")
    void everyUserCallCanBeFaultedByItsOperationName(String operation, Consumer<InMemoryIamDirectory> call) {
        iam.faults().throttleNext(operation, 1);

        assertThrows(IamException.Throttled.class, () -> call.accept(iam));
        assertThrows(IamException.NoSuchEntity.class, () -> call.accept(iam), "the fault was used up");
    }

    @Test
    void aFaultedDeleteLeavesTheStateAsItWasAndTheRetrySucceeds() {
        String user = "retry";
        iam.createUser(new NewUser(user, "/", MemoryFixtures.BOUNDARY, Map.of()), BY);
        String key = iam.createAccessKey(user, BY).key().accessKeyId();
        iam.faults().failNext("DeleteAccessKey", 1, () -> new IamException.Unavailable("down"));

        assertThrows(IamException.Unavailable.class, () -> iam.deleteAccessKey(user, key, BY));
        assertEquals(1, iam.listAccessKeys(user).size());
        iam.deleteAccessKey(user, key, BY);
        assertEquals(List.of(), iam.listAccessKeys(user));
    }

    @Test
    void accountLevelMfaCallsAreLoggedWithTheirAttributionAndCanBeFaulted() {
        iam.faults().failNext("CreateVirtualMFADevice", 1, () -> new IamException.AccessDenied("no"));

        assertThrows(IamException.AccessDenied.class, () -> iam.createVirtualMfaDevice("phone", "/", BY));
        String serial = iam.createVirtualMfaDevice("phone", "/", BY).serialNumber();
        iam.deleteVirtualMfaDevice(serial, BY);

        assertEquals(List.of("CreateVirtualMFADevice", "CreateVirtualMFADevice", "DeleteVirtualMFADevice"),
                iam.calls().stream().map(IamCall::operation).toList());
        assertTrue(iam.calls().stream().allMatch(c -> BY.equals(c.attribution())));
    }

    @Test
    void aSteadyFractionOfCallsIsThrottledBeforeItTakesEffect() {
        iam.faults().throttleFraction(0.2);
        int throttled = 0;
        for (int i = 0; i < 50; i++) {
            try {
                iam.createUser(new NewUser("steady-" + i, "/", MemoryFixtures.BOUNDARY, Map.of()), BY);
            } catch (IamException.Throttled e) {
                throttled++;
            }
        }

        assertEquals(10, throttled);
        assertEquals(40, iam.listUsers("/", null, 100).items().size(), "a throttled call made no user");
        assertThrows(IllegalArgumentException.class, () -> iam.faults().throttleFraction(1.5));
    }

    @Test
    void setUpMethodsAreNeitherLoggedNorFaulted() {
        iam.faults().throttleNext("CreateGroup", 1);

        iam.createGroup("g");
        iam.setPasswordPolicy(PasswordPolicy.AWS_DEFAULT);

        assertEquals(List.of(), iam.calls());
    }

    @Test
    void resetAlsoForgetsGroupsPoliciesDevicesAndThePasswordPolicy() {
        iam.createGroup("g");
        iam.createManagedPolicy(MemoryFixtures.READ_ONLY);
        iam.createVirtualMfaDevice("phone", "/", BY);
        iam.setPasswordPolicy(new PasswordPolicy(20, true, true, true, true));

        iam.reset();

        iam.createGroup("g");
        iam.createManagedPolicy(MemoryFixtures.READ_ONLY);
        iam.createVirtualMfaDevice("phone", "/", BY);
        assertEquals(8, iam.passwordPolicy().minimumLength());
    }

    private static Arguments call(String operation, Consumer<InMemoryIamDirectory> call) {
        return Arguments.of(operation, Named.of(operation, call));
    }
}
