package dev.iamsteward.execution;

import dev.iamsteward.account.TargetAccounts;
import dev.iamsteward.common.StewardException;
import dev.iamsteward.iam.Attribution;
import dev.iamsteward.iam.IamDirectory;
import dev.iamsteward.iam.IamException;
import dev.iamsteward.request.KeyRotations;
import dev.iamsteward.request.PlanStep;
import jakarta.enterprise.context.ApplicationScoped;

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
        return order.step(index).accept(new Step(iam, order, index));
    }

    /** One step in progress: each kind of step as the IAM calls that carry it out. */
    private final class Step implements PlanStep.Visitor<StepResult> {

        private final IamDirectory iam;
        private final ExecutionOrder order;
        private final int index;
        private final Attribution by;

        Step(IamDirectory iam, ExecutionOrder order, int index) {
            this.iam = iam;
            this.order = order;
            this.index = index;
            this.by = order.attribution();
        }

        @Override
        public StepResult createUser(PlanStep.CreateUser step) {
            return new StepResult(users.create(iam, step, by), null);
        }

        @Override
        public StepResult createLoginProfile(PlanStep.CreateLoginProfile step) {
            secrets.createLoginProfile(iam, order, index);
            return StepResult.NOTHING;
        }

        @Override
        public StepResult createAccessKey(PlanStep.CreateAccessKey step) {
            return new StepResult(null, secrets.createAccessKey(iam, order, index));
        }

        @Override
        public StepResult createVirtualMfaDevice(PlanStep.CreateVirtualMfaDevice step) {
            secrets.createVirtualMfa(iam, order, index, step);
            return StepResult.NOTHING;
        }

        /** The owner enables the device with their codes (see MfaCodesService); until then the job waits. */
        @Override
        public StepResult enableMfaDevice(PlanStep.EnableMfaDevice step) {
            if (iam.listMfaDevices(step.userName()).stream()
                    .noneMatch(d -> d.serialNumber().equals(step.serialNumber()))) {
                throw new AwaitingMfaCodes(step.serialNumber());
            }
            return StepResult.NOTHING;
        }

        @Override
        public StepResult attachUserPolicy(PlanStep.AttachUserPolicy step) {
            iam.attachUserPolicy(step.userName(), step.policyArn(), by);
            return StepResult.NOTHING;
        }

        @Override
        public StepResult addUserToGroup(PlanStep.AddUserToGroup step) {
            iam.addUserToGroup(step.groupName(), step.userName(), by);
            return StepResult.NOTHING;
        }

        @Override
        public StepResult updateAccessKey(PlanStep.UpdateAccessKey step) {
            iam.updateAccessKey(step.userName(), step.accessKeyId(), step.status(), by);
            return StepResult.NOTHING;
        }

        @Override
        public StepResult deleteLoginProfile(PlanStep.DeleteLoginProfile step) {
            return gone(() -> iam.deleteLoginProfile(step.userName(), by));
        }

        @Override
        public StepResult deleteAccessKey(PlanStep.DeleteAccessKey step) {
            return gone(() -> iam.deleteAccessKey(step.userName(), step.accessKeyId(), by));
        }

        @Override
        public StepResult deleteSigningCertificate(PlanStep.DeleteSigningCertificate step) {
            return gone(() -> iam.deleteSigningCertificate(step.userName(), step.certificateId(), by));
        }

        @Override
        public StepResult deleteSshPublicKey(PlanStep.DeleteSshPublicKey step) {
            return gone(() -> iam.deleteSshPublicKey(step.userName(), step.sshPublicKeyId(), by));
        }

        @Override
        public StepResult deleteServiceSpecificCredential(PlanStep.DeleteServiceSpecificCredential step) {
            return gone(() -> iam.deleteServiceSpecificCredential(step.userName(), step.credentialId(), by));
        }

        @Override
        public StepResult deactivateMfaDevice(PlanStep.DeactivateMfaDevice step) {
            return gone(() -> iam.deactivateMfaDevice(step.userName(), step.serialNumber(), by));
        }

        @Override
        public StepResult deleteVirtualMfaDevice(PlanStep.DeleteVirtualMfaDevice step) {
            return gone(() -> iam.deleteVirtualMfaDevice(step.serialNumber(), by));
        }

        @Override
        public StepResult deleteUserPolicy(PlanStep.DeleteUserPolicy step) {
            return gone(() -> iam.deleteUserPolicy(step.userName(), step.policyName(), by));
        }

        @Override
        public StepResult detachUserPolicy(PlanStep.DetachUserPolicy step) {
            return gone(() -> iam.detachUserPolicy(step.userName(), step.policyArn(), by));
        }

        @Override
        public StepResult removeUserFromGroup(PlanStep.RemoveUserFromGroup step) {
            return gone(() -> iam.removeUserFromGroup(step.groupName(), step.userName(), by));
        }

        @Override
        public StepResult deleteUser(PlanStep.DeleteUser step) {
            try {
                return gone(() -> iam.deleteUser(step.userName(), by));
            } catch (IamException.DeleteConflict e) {
                throw new ExecutionFailure("IAM still has dependents of '" + step.userName() + "' that the plan did "
                        + "not cover (" + e.getMessage() + "); they were added after the plan was made. Submit "
                        + "OFFBOARD_USER again.");
            }
        }

        @Override
        public StepResult deleteRootCredential(PlanStep.DeleteRootCredential step) {
            return roots.run(step, by);
        }

        @Override
        public StepResult allowRootPasswordRecovery(PlanStep.AllowRootPasswordRecovery step) {
            return roots.run(step, by);
        }

        /** A key rotated on demand: refused now (gone, or rotated since the plan) fails the request, not retried. */
        @Override
        public StepResult startKeyRotation(PlanStep.StartKeyRotation step) {
            try {
                rotations.start(order.requestId(), order.account(), step.userName(), step.accessKeyId());
            } catch (StewardException e) {
                throw new ExecutionFailure(e.getMessage());
            }
            return StepResult.NOTHING;
        }
    }

    /** Runs a removal; what is already gone was removed by an earlier attempt of this step. */
    private static StepResult gone(Runnable removal) {
        try {
            removal.run();
        } catch (IamException.NoSuchEntity e) {
            // Already removed: the step's goal holds.
        }
        return StepResult.NOTHING;
    }
}
