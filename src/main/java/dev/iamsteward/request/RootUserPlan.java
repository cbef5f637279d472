package dev.iamsteward.request;

import dev.iamsteward.account.Organization;
import dev.iamsteward.common.ErrorKind;
import dev.iamsteward.common.StewardException;
import dev.iamsteward.iam.RootTask;
import dev.iamsteward.iam.RootUserCredentials;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import dev.iamsteward.request.PlanStep.DeleteRootCredential;
import dev.iamsteward.request.PlanStep.DeleteRootCredential.Credential;

/**
 * Plans a request on a member account's root user: reads what the root user holds in an IAMAuditRootUserCredentials
 * session and lists one call per credential, each to run in a session scoped to the task that allows it. Every
 * call carries {@code TargetPrincipal} (the member account) and {@code TaskPolicyArn}, and no user name.
 */
@ApplicationScoped
public class RootUserPlan {

    private final Organization organization;

    RootUserPlan(Organization organization) {
        this.organization = organization;
    }

    List<PlannedCall> plan(AccessRequest request) {
        String member = request.userName;
        if (!organization.configured()) {
            throw new StewardException(ErrorKind.STATE_CONFLICT, "no organization is configured "
                    + "(steward.organization.account-id), so the service cannot act on root users");
        }
        if (!organization.isMember(member)) {
            throw StewardException.invalid("for " + request.type + ", userName names the member account whose "
                    + "root user it concerns; '" + member + "' is not one of the organization's member accounts "
                    + organization.members());
        }
        RootUserCredentials found = RootUserCredentials.readIn(organization.root().assumeRoot(member,
                RootTask.AUDIT_ROOT_USER_CREDENTIALS, organization.sessionDuration(), null));
        if (found.none()) {
            throw new StewardException(ErrorKind.STATE_CONFLICT, "the root user of " + member + " holds no "
                    + "password, access key, MFA device or signing certificate: there is nothing to delete");
        }
        request.userArn = "arn:aws:iam::" + member + ":root";
        request.owner = null;
        return deletions(found);
    }

    /** Password first, so nobody signs in meanwhile; MFA devices last, as they guard the password until then. */
    private static List<PlannedCall> deletions(RootUserCredentials found) {
        String member = found.accountId();
        String task = RootTask.DELETE_ROOT_USER_CREDENTIALS.policyArn();
        List<PlanStep> steps = new ArrayList<>();
        if (found.password()) {
            steps.add(new DeleteRootCredential(member, task, Credential.PASSWORD, null));
        }
        found.accessKeyIds().forEach(id -> steps.add(new DeleteRootCredential(member, task,
                Credential.ACCESS_KEY, id)));
        found.signingCertificateIds().forEach(id -> steps.add(new DeleteRootCredential(member, task,
                Credential.SIGNING_CERTIFICATE, id)));
        found.mfaSerialNumbers().forEach(serial -> steps.add(new DeleteRootCredential(member, task,
                Credential.MFA_DEVICE, serial)));
        return PlanStep.stored(steps);
    }
}
