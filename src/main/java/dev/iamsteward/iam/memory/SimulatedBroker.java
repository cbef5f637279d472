package dev.iamsteward.iam.memory;

import static dev.iamsteward.iam.memory.SimulatedStatement.Operator.ARN_EQUALS;
import static dev.iamsteward.iam.memory.SimulatedStatement.Operator.STRING_EQUALS;
import static dev.iamsteward.iam.memory.SimulatedStatement.Operator.STRING_NOT_EQUALS;

import dev.iamsteward.iam.memory.SimulatedStatement.Condition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The broker role's identity policy as deploy/aws/target-account.yaml grants it, for the in-memory policy
 * simulator: the statements that decide changes to users, policies and the boundary, with the template's Sids
 * (reads and group membership are left out: no self-check probe asks about them). A test keeps the two in step.
 */
public final class SimulatedBroker {

    private SimulatedBroker() {
    }

    /** The policy the template gives the broker of one account, managed path, boundary and catalog. */
    public static List<SimulatedStatement> asDeployed(String partition, String account, String managedPath,
            String boundaryArn, Collection<String> catalogPolicyArns) {
        String users = "arn:" + partition + ":iam::" + account + ":user" + managedPath + "*";
        Condition withBoundary = new Condition(STRING_EQUALS, "iam:PermissionsBoundary", Set.of(boundaryArn));
        List<SimulatedStatement> policy = new ArrayList<>();
        policy.add(allow("CreateOrChangeOnlyWithBoundary", Set.of("iam:CreateUser", "iam:PutUserPermissionsBoundary",
                "iam:DeleteUserPolicy"), users, withBoundary));
        if (!catalogPolicyArns.isEmpty()) {
            policy.add(allow("AttachOnlyCatalogPolicies", Set.of("iam:AttachUserPolicy", "iam:DetachUserPolicy"),
                    users, withBoundary, new Condition(ARN_EQUALS, "iam:PolicyARN", Set.copyOf(catalogPolicyArns))));
        }
        policy.add(allow("AttachOnlyTheServicesOwnPolicies", Set.of("iam:AttachUserPolicy", "iam:DetachUserPolicy"),
                users, withBoundary, new Condition(ARN_EQUALS, "iam:PolicyARN", Set.of(
                        "arn:" + partition + ":iam::aws:policy/AWSDenyAll",
                        "arn:" + partition + ":iam::aws:policy/IAMUserChangePassword"))));
        policy.add(allow("ChangeManagedUsers", Set.of("iam:CreateAccessKey", "iam:CreateLoginProfile",
                "iam:DeactivateMFADevice", "iam:DeleteAccessKey", "iam:DeleteLoginProfile",
                "iam:DeleteServiceSpecificCredential", "iam:DeleteSigningCertificate", "iam:DeleteSSHPublicKey",
                "iam:DeleteUser", "iam:EnableMFADevice", "iam:TagUser", "iam:UpdateAccessKey"), users));
        policy.add(deny("NoBoundaryUserDelete", Set.of("iam:DeleteUserPermissionsBoundary"), "*"));
        policy.add(deny("NoBoundaryPolicyEdit", Set.of("iam:CreatePolicyVersion", "iam:DeletePolicy",
                "iam:DeletePolicyVersion", "iam:SetDefaultPolicyVersion"), boundaryArn));
        policy.add(deny("NoUserWithoutTheBoundary", Set.of("iam:CreateUser", "iam:PutUserPermissionsBoundary",
                "iam:PutUserPolicy", "iam:AttachUserPolicy", "iam:DetachUserPolicy", "iam:DeleteUserPolicy"), "*",
                new Condition(STRING_NOT_EQUALS, "iam:PermissionsBoundary", Set.of(boundaryArn))));
        return List.copyOf(policy);
    }

    /** An Allow statement on one resource pattern. */
    public static SimulatedStatement allow(String sid, Set<String> actions, String resource,
            Condition... conditions) {
        return new SimulatedStatement(sid, true, actions, List.of(resource), List.of(conditions));
    }

    /** A Deny statement on one resource pattern. */
    public static SimulatedStatement deny(String sid, Set<String> actions, String resource,
            Condition... conditions) {
        return new SimulatedStatement(sid, false, actions, List.of(resource), List.of(conditions));
    }
}
