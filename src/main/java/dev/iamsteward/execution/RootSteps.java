package dev.iamsteward.execution;

import dev.iamsteward.account.Organization;
import dev.iamsteward.iam.Attribution;
import dev.iamsteward.iam.IamException;
import dev.iamsteward.iam.RootSession;
import dev.iamsteward.iam.RootTask;
import dev.iamsteward.request.PlanStep;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Runs a planned call on a member account's root user: opens a root session scoped to the call's task policy, in
 * the request's own session of the organization role (so CloudTrail names the request), and makes the call. A
 * removal of what is already gone succeeds, and so does a password recovery allowed already, so a step can run twice.
 */
@ApplicationScoped
public class RootSteps {

    private final Organization organization;

    RootSteps(Organization organization) {
        this.organization = organization;
    }

    public StepResult run(PlanStep.DeleteRootCredential step, Attribution by) {
        RootSession root = session(step, by);
        try {
            switch (step.credential()) {
                case PASSWORD -> root.deleteLoginProfile();
                case ACCESS_KEY -> root.deleteAccessKey(step.credentialId());
                case SIGNING_CERTIFICATE -> root.deleteSigningCertificate(step.credentialId());
                case MFA_DEVICE -> root.deactivateMfaDevice(step.credentialId());
            }
        } catch (IamException.NoSuchEntity e) {
            // Already removed by an earlier attempt of this step: its goal holds.
        }
        return StepResult.NOTHING;
    }

    /** CreateLoginProfile without a password; one made by an earlier attempt of this step is its goal already. */
    public StepResult run(PlanStep.AllowRootPasswordRecovery step, Attribution by) {
        RootSession root = session(step, by);
        if (root.loginProfile().isEmpty()) {
            root.allowPasswordRecovery();
        }
        return StepResult.NOTHING;
    }

    private RootSession session(PlanStep.RootStep step, Attribution by) {
        RootTask task = RootTask.ofArn(step.taskPolicyArn()).orElseThrow(() ->
                new ExecutionFailure("the plan names a task policy this service does not know: "
                        + step.taskPolicyArn()));
        return organization.root().assumeRoot(step.memberAccount(), task, organization.sessionDuration(), by);
    }
}
