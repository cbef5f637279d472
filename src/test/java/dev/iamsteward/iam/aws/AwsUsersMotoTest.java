package dev.iamsteward.iam.aws;

import static dev.iamsteward.iam.aws.MotoIam.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamsteward.iam.Attribution;
import dev.iamsteward.iam.IamException;
import dev.iamsteward.iam.NewUser;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tagging and deleting users through the AWS adapter, against moto over HTTP. */
class AwsUsersMotoTest {

    private MotoIam moto;
    private AwsIamDirectory iam;

    @BeforeEach
    void freshMoto() {
        moto = MotoIam.fresh();
        iam = moto.directory();
    }

    @AfterEach
    void close() {
        moto.close();
    }

    @Test
    void tagsAreAddedAndOverwritten() {
        iam.createUser(new NewUser("alice", "/steward/", MotoIam.BOUNDARY, Map.of("team", "payments")), request());

        iam.tagUser("alice", Map.of("team", "platform", "cost-center", "42"), request());

        assertEquals(Map.of("team", "platform", "cost-center", "42"), iam.findUser("alice").orElseThrow().tags());
    }

    @Test
    void writesRunInTheRequestsSessionAndReadsInTheServicesSession() {
        String user = moto.user("fay");
        Attribution attribution = request();

        iam.tagUser(user, Map.of("team", "payments"), attribution);
        iam.createAccessKey(user, attribution);
        iam.listAccessKeys(user);
        iam.passwordPolicy();

        assertEquals(1, moto.sessionsNamed("steward-" + attribution.requestId()).size());
        assertEquals(1, moto.sessionsNamed(StsSessions.SERVICE_SESSION_NAME).size());
    }

    @Test
    void tagsOnAnUnknownUserAreNoSuchEntity() {
        assertThrows(IamException.NoSuchEntity.class, () -> iam.tagUser("nobody", Map.of("a", "b"), request()));
    }

    @Test
    void deletedUserIsGone() {
        String user = moto.user("bob");

        iam.deleteUser(user, request());

        assertEquals(Optional.empty(), iam.findUser(user));
        assertThrows(IamException.NoSuchEntity.class, () -> iam.deleteUser(user, request()));
    }

    @Test
    void aUserWithPoliciesIsDeleteConflict() {
        String user = moto.user("carol");
        iam.attachUserPolicy(user, moto.managedPolicy("list-buckets"), request());
        moto.setup().putUserPolicy(r -> r.userName(user).policyName("inline")
                .policyDocument(MotoIam.ALLOW_LIST_BUCKETS));

        assertThrows(IamException.DeleteConflict.class, () -> iam.deleteUser(user, request()));
        iam.detachUserPolicy(user, iam.listAttachedUserPolicies(user).get(0), request());
        assertThrows(IamException.DeleteConflict.class, () -> iam.deleteUser(user, request()));
        assertTrue(iam.findUser(user).isPresent());
    }

    @Test
    void motoDeletesAUserThatStillHasCredentialsAndGroups() {
        // Real IAM answers DeleteConflict while a user has a login profile, access key, certificate, SSH key,
        // MFA device or group; moto 5.2.5 checks only policies. AwsOperationsWireTest covers DeleteConflict.
        String user = moto.user("dan");
        iam.createAccessKey(user, request());
        moto.setup().createGroup(r -> r.groupName("developers"));
        iam.addUserToGroup("developers", user, request());

        iam.deleteUser(user, request());

        assertEquals(Optional.empty(), iam.findUser(user));
    }

    @Test
    void motoDoesNotImplementDeleteUserPermissionsBoundary() {
        // moto 5.2.5 answers DeleteUserPermissionsBoundary with an HTML 500 (and does not store user boundaries);
        // AwsOperationsWireTest checks the call the adapter sends.
        String user = moto.user("erin");

        assertThrows(IamException.Unavailable.class, () -> iam.deleteUserPermissionsBoundary(user, request()));
    }
}
