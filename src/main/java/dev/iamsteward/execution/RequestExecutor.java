package dev.iamsteward.execution;

import dev.iamsteward.account.TargetAccounts;
import dev.iamsteward.common.StewardException;
import dev.iamsteward.iam.AccessKey;
import dev.iamsteward.iam.Attribution;
import dev.iamsteward.iam.IamDirectory;
import dev.iamsteward.iam.IamException;
import dev.iamsteward.request.KeyRotations;
import dev.iamsteward.request.RequestPlanner;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * Carries out one step of an approved plan against IAM. Every step can run twice (after a crash or a lost
 * lease) without doing twice: creations look at IAM first, and removals of what is already gone succeed.
 */
@ApplicationScoped
public class RequestExecutor {

    private final TargetAccounts accounts;
    private final UserCreation users;
    private final SecretSteps secrets;
    private final KeyRotations rotations;
    private final RootSteps roots;

    RequestExecutor(TargetAccounts accounts, UserCreation users, SecretSteps secrets, KeyRotations rotations,
            RootSteps roots) {
        this.roots = roots;
        this.accounts = accounts;
        this.rotations = rotations;
        this.users = users;
        this.secrets = secrets;
    }

    /** Runs step {@code index} of the order's plan in the request's account; returns what the step revealed. */
    public StepResult runStep(ExecutionOrder order, int index) {
        IamDirectory iam = accounts.stored(order.account()).directory();
        var call = order.plan().get(index);
        if (RootSteps.handles(call)) {
            return roots.run(call, order.attribution());
        }
        Map<String, String> p = call.parameters();
        Attribution by = order.attribution();
        String user = p.get("UserName");
        switch (call.action()) {
            case "iam:CreateUser" -> {
                return new StepResult(users.create(iam, p, by), null);
            }
            case "iam:CreateLoginProfile" -> secrets.createLoginProfile(iam, order, index);
            case "iam:CreateAccessKey" -> {
                return new StepResult(null, secrets.createAccessKey(iam, order, index));
            }
            case "iam:CreateVirtualMFADevice" -> secrets.createVirtualMfa(iam, order, index);
            case "iam:EnableMFADevice" -> awaitCodes(iam, user, p.get("SerialNumber"));
            case "iam:AttachUserPolicy" -> iam.attachUserPolicy(user, p.get("PolicyArn"), by);
            case "iam:AddUserToGroup" -> iam.addUserToGroup(p.get("GroupName"), user, by);
            case "iam:UpdateAccessKey" -> iam.updateAccessKey(user, p.get("AccessKeyId"),
                    AccessKey.Status.valueOf(p.get("Status")), by);
            case "iam:DeleteLoginProfile" -> gone(() -> iam.deleteLoginProfile(user, by));
            case "iam:DeleteAccessKey" -> gone(() -> iam.deleteAccessKey(user, p.get("AccessKeyId"), by));
            case "iam:DeleteSigningCertificate" -> gone(() -> iam.deleteSigningCertificate(user,
                    p.get("CertificateId"), by));
            case "iam:DeleteSSHPublicKey" -> gone(() -> iam.deleteSshPublicKey(user, p.get("SSHPublicKeyId"), by));
            case "iam:DeleteServiceSpecificCredential" -> gone(() -> iam.deleteServiceSpecificCredential(user,
                    p.get("ServiceSpecificCredentialId"), by));
            case "iam:DeactivateMFADevice" -> gone(() -> iam.deactivateMfaDevice(user, p.get("SerialNumber"), by));
            case "iam:DeleteVirtualMFADevice" -> gone(() -> iam.deleteVirtualMfaDevice(p.get("SerialNumber"), by));
            case "iam:DeleteUserPolicy" -> gone(() -> iam.deleteUserPolicy(user, p.get("PolicyName"), by));
            case "iam:DetachUserPolicy" -> gone(() -> iam.detachUserPolicy(user, p.get("PolicyArn"), by));
            case "iam:RemoveUserFromGroup" -> gone(() -> iam.removeUserFromGroup(p.get("GroupName"), user, by));
            case "iam:DeleteUser" -> deleteUser(iam, user, by);
            case RequestPlanner.START_ROTATION -> startRotation(order, user, p.get("AccessKeyId"));
            default -> throw new ExecutionFailure("the plan has a step this service does not know: "
                    + call.action());
        }
        return StepResult.NOTHING;
    }

    /** A key rotated on demand: refused now (gone, or rotated since the plan) fails the request, not retried. */
    private void startRotation(ExecutionOrder order, String user, String keyId) {
        try {
            rotations.start(order.requestId(), order.account(), user, keyId);
        } catch (StewardException e) {
            throw new ExecutionFailure(e.getMessage());
        }
    }

    /** The owner enables the device with their codes (see MfaCodesService); until then the job waits. */
    private static void awaitCodes(IamDirectory iam, String user, String serial) {
        if (iam.listMfaDevices(user).stream().noneMatch(d -> d.serialNumber().equals(serial))) {
            throw new AwaitingMfaCodes(serial);
        }
    }

    private static void deleteUser(IamDirectory iam, String user, Attribution by) {
        try {
            gone(() -> iam.deleteUser(user, by));
        } catch (IamException.DeleteConflict e) {
            throw new ExecutionFailure("IAM still has dependents of '" + user + "' that the plan did not cover ("
                    + e.getMessage() + "); they were added after the plan was made. Submit OFFBOARD_USER again.");
        }
    }

    /** Runs a removal; what is already gone was removed by an earlier attempt of this step. */
    private static void gone(Runnable removal) {
        try {
            removal.run();
        } catch (IamException.NoSuchEntity e) {
            // Already removed: the step's goal holds.
        }
    }
}
