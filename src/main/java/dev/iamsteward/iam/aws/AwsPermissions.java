package dev.iamsteward.iam.aws;

import static dev.iamsteward.iam.aws.IamCalls.call;
import static dev.iamsteward.iam.aws.IamCalls.run;

import dev.iamsteward.iam.Attribution;
import java.util.List;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.Group;

/** What a user may do: its groups, its attached managed policies and its inline policies. */
final class AwsPermissions {

    private final IamCalls calls;
    private final IamClient iam;

    AwsPermissions(IamCalls calls) {
        this.calls = calls;
        this.iam = calls.client();
    }

    List<String> listGroupsForUser(String userName) {
        return call(() -> iam.listGroupsForUserPaginator(r -> r.userName(userName)
                .overrideConfiguration(calls.asService())).groups().stream().map(Group::groupName).toList());
    }

    void addUserToGroup(String groupName, String userName, Attribution attribution) {
        run(() -> iam.addUserToGroup(r -> r.groupName(groupName).userName(userName)
                .overrideConfiguration(calls.as(attribution))));
    }

    void removeUserFromGroup(String groupName, String userName, Attribution attribution) {
        run(() -> iam.removeUserFromGroup(r -> r.groupName(groupName).userName(userName)
                .overrideConfiguration(calls.as(attribution))));
    }

    List<String> listAttachedUserPolicies(String userName) {
        return call(() -> iam.listAttachedUserPoliciesPaginator(r -> r.userName(userName)
                        .overrideConfiguration(calls.asService()))
                .attachedPolicies().stream().map(AttachedPolicy::policyArn).toList());
    }

    void attachUserPolicy(String userName, String policyArn, Attribution attribution) {
        run(() -> iam.attachUserPolicy(r -> r.userName(userName).policyArn(policyArn)
                .overrideConfiguration(calls.as(attribution))));
    }

    void detachUserPolicy(String userName, String policyArn, Attribution attribution) {
        run(() -> iam.detachUserPolicy(r -> r.userName(userName).policyArn(policyArn)
                .overrideConfiguration(calls.as(attribution))));
    }

    List<String> listUserPolicies(String userName) {
        return call(() -> iam.listUserPoliciesPaginator(r -> r.userName(userName)
                .overrideConfiguration(calls.asService())).policyNames().stream().toList());
    }

    void deleteUserPolicy(String userName, String policyName, Attribution attribution) {
        run(() -> iam.deleteUserPolicy(r -> r.userName(userName).policyName(policyName)
                .overrideConfiguration(calls.as(attribution))));
    }
}
