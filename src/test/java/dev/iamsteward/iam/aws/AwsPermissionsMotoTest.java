package dev.iamsteward.iam.aws;

import static dev.iamsteward.iam.aws.MotoIam.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.iamsteward.iam.IamException;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Groups, managed and inline policies of a user through the AWS adapter, against moto over HTTP. */
class AwsPermissionsMotoTest {

    private static final String CHANGE_PASSWORD = "arn:aws:iam::aws:policy/IAMUserChangePassword";

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
    void userJoinsAndLeavesGroups() {
        String user = moto.user("alice");
        moto.setup().createGroup(r -> r.groupName("developers"));
        moto.setup().createGroup(r -> r.groupName("on-call"));

        iam.addUserToGroup("developers", user, request());
        iam.addUserToGroup("on-call", user, request());
        assertEquals(Set.of("developers", "on-call"), Set.copyOf(iam.listGroupsForUser(user)));

        iam.removeUserFromGroup("developers", user, request());
        assertEquals(List.of("on-call"), iam.listGroupsForUser(user));
    }

    @Test
    void anUnknownGroupIsNoSuchEntity() {
        String user = moto.user("bob");

        assertThrows(IamException.NoSuchEntity.class, () -> iam.addUserToGroup("nobody-here", user, request()));
    }

    @Test
    void motoHasNoLimitOfTenGroupsPerUser() {
        // Real IAM refuses an 11th group with LimitExceeded; moto 5.2.5 accepts it.
        String user = moto.user("carol");
        IntStream.range(0, 11).forEach(i -> {
            moto.setup().createGroup(r -> r.groupName("g" + i));
            iam.addUserToGroup("g" + i, user, request());
        });

        assertEquals(11, iam.listGroupsForUser(user).size());
    }

    @Test
    void managedPolicyIsAttachedListedAndDetached() {
        String user = moto.user("dan");
        String policy = moto.managedPolicy("steward-list-buckets");

        iam.attachUserPolicy(user, policy, request());
        assertEquals(List.of(policy), iam.listAttachedUserPolicies(user));

        iam.detachUserPolicy(user, policy, request());
        assertEquals(List.of(), iam.listAttachedUserPolicies(user));
        assertThrows(IamException.NoSuchEntity.class, () -> iam.detachUserPolicy(user, policy, request()));
    }

    @Test
    void motoHasNoLimitOfTenManagedPoliciesPerUser() {
        // Real IAM refuses an 11th attached managed policy with LimitExceeded; moto 5.2.5 accepts it.
        String user = moto.user("erin");
        IntStream.range(0, 11).forEach(i -> iam.attachUserPolicy(user, moto.managedPolicy("p" + i), request()));

        assertEquals(11, iam.listAttachedUserPolicies(user).size());
    }

    @Test
    void anAwsManagedPolicyIsAttachedAsOnAws() {
        // Without MOTO_IAM_LOAD_MANAGED_POLICIES=true moto 5.2.5 knows no AWS managed policy, and attaching
        // IAMUserChangePassword (which GRANT_CONSOLE_ACCESS plans) is NoSuchEntity:
        // this test uses the moto that has them.
        try (MotoIam managed = MotoIam.withManagedPolicies()) {
            String user = managed.user("fay");

            managed.directory().attachUserPolicy(user, CHANGE_PASSWORD, request());
            assertEquals(List.of(CHANGE_PASSWORD), managed.directory().listAttachedUserPolicies(user));
        }
    }

    @Test
    void inlinePolicyIsListedAndDeleted() {
        String user = moto.user("gus");
        moto.setup().putUserPolicy(r -> r.userName(user).policyName("list-buckets")
                .policyDocument(MotoIam.ALLOW_LIST_BUCKETS));

        assertEquals(List.of("list-buckets"), iam.listUserPolicies(user));

        iam.deleteUserPolicy(user, "list-buckets", request());
        assertEquals(List.of(), iam.listUserPolicies(user));
        assertThrows(IamException.NoSuchEntity.class, () -> iam.deleteUserPolicy(user, "list-buckets", request()));
    }
}
