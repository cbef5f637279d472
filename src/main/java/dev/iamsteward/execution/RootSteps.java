package dev.iamsteward.execution;

import dev.iamsteward.account.Organization;
import dev.iamsteward.iam.Attribution;
import dev.iamsteward.iam.IamException;
import dev.iamsteward.iam.RootSession;
import dev.iamsteward.iam.RootTask;
import dev.iamsteward.request.PlannedCall;
import dev.iamsteward.request.RootUserPlan;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * Runs a planned call on a member account's root user: opens a root session scoped to the call's task policy, in
 * the request's own session of the organization role (so CloudTrail names the request), and makes the call. A
 * removal of what is already gone succeeds, so a step can run twice.
 */
@ApplicationScoped
public class RootSteps {

    private final Organization organization;

    RootSteps(Organization organization) {
        this.organization = organization;
    }

    /** Whether {@code call} is one of these steps. */
    public static boolean handles(PlannedCall call) {
        return RootUserPlan.inRootSession(call);
    }

    public StepResult run(PlannedCall call, Attribution by) {
        Map<String, String> p = call.parameters();
        RootTask task = RootTask.ofArn(p.get(RootUserPlan.TASK_POLICY_ARN)).orElseThrow(() ->
                new ExecutionFailure("the plan names a task policy this service does not know: "
                        + p.get(RootUserPlan.TASK_POLICY_ARN)));
        RootSession root = organization.root().assumeRoot(p.get(RootUserPlan.TARGET_PRINCIPAL), task,
                organization.sessionDuration(), by);
        try {
            switch (call.action()) {
                case "iam:DeleteLoginProfile" -> root.deleteLoginProfile();
                case "iam:DeleteAccessKey" -> root.deleteAccessKey(p.get("AccessKeyId"));
                case "iam:DeleteSigningCertificate" -> root.deleteSigningCertificate(p.get("CertificateId"));
                case "iam:DeactivateMFADevice" -> root.deactivateMfaDevice(p.get("SerialNumber"));
                default -> throw new ExecutionFailure("the plan has a root step this service does not know: "
                        + call.action());
            }
        } catch (IamException.NoSuchEntity e) {
            // Already removed by an earlier attempt of this step: its goal holds.
        }
        return StepResult.NOTHING;
    }
}
