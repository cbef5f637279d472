package dev.iamsteward.request;

import dev.iamsteward.account.Organization;
import dev.iamsteward.common.ErrorKind;
import dev.iamsteward.common.StewardException;
import dev.iamsteward.iam.RootTask;
import dev.iamsteward.iam.RootUserCredentials;
import dev.iamsteward.request.PlanStep.AllowRootPasswordRecovery;
import dev.iamsteward.request.PlanStep.DeleteRootCredential;
import dev.iamsteward.request.PlanStep.DeleteRootCredential.Credential;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Plans a request on a member account's root user: reads what the root user holds in an IAMAuditRootUserCredentials
 * session and lists the calls, each to run in a session scoped to the task that allows it: one deletion per
 * credential, or the one CreateLoginProfile of a password recovery. Every call carries {@code TargetPrincipal} (the
 * member account) and {@code TaskPolicyArn}, and no user name.
 */
@ApplicationScoped
public class RootUserPlan {

    private final Organization organization;
    private final Clock clock;

    RootUserPlan(Organization organization, Clock clock) {
        this.organization = organization;
        this.clock = clock;
    }

    List<PlannedCall> plan(AccessRequest request) {
        String member = request.userName;
        if (!organization.configured()) {
            throw new StewardException(ErrorKind.STATE_CONFLICT, "no organization is configured "
                    + "(steward.organization.account-id), so the service cannot act on root users");
        }
        if (!organization.recordedUnder().equals(request.account)) {
            // The account's approval rules decide the request: a requester must not pick a lenient account's.
            throw StewardException.invalid(request.type + " is recorded under account '"
                    + organization.recordedUnder() + "' (steward.organization.recorded-under), whose approval rules "
                    + "decide it; it cannot be filed under account '" + request.account + "'");
        }
        if (!organization.isMember(member)) {
            throw StewardException.invalid("for " + request.type + ", userName names the member account whose "
                    + "root user it concerns; '" + member + "' is not one of the organization's member accounts "
                    + organization.members());
        }
        if (request.type == RequestType.ALLOW_ROOT_PASSWORD_RECOVERY) {
            requireRecoveryWindow(request);
        }
        RootUserCredentials found = RootUserCredentials.readIn(organization.root().assumeRoot(member,
                RootTask.AUDIT_ROOT_USER_CREDENTIALS, organization.sessionDuration(), null));
        request.userArn = "arn:aws:iam::" + member + ":root";
        request.owner = null;
        if (request.type == RequestType.ALLOW_ROOT_PASSWORD_RECOVERY) {
            return recovery(found);
        }
        if (found.none()) {
            throw new StewardException(ErrorKind.STATE_CONFLICT, "the root user of " + member + " holds no "
                    + "password, access key, MFA device or signing certificate: there is nothing to delete");
        }
        return deletions(found);
    }

    /** The window ends no further off than the configured longest one (the planner has seen it end in the future). */
    private void requireRecoveryWindow(AccessRequest request) {
        Duration window = Duration.between(clock.instant(), request.expiresAt);
        Duration max = organization.passwordRecoveryWindowMax();
        if (window.compareTo(max) > 0) {
            throw StewardException.invalid("expiresAt ends the recovery window; it may be at most " + max
                    + " from now (steward.organization.password-recovery-window-max), not " + window);
        }
    }

    /** AWS refuses a second login profile: a root user that has a password can already have it reset. */
    private static List<PlannedCall> recovery(RootUserCredentials found) {
        if (found.password()) {
            throw new StewardException(ErrorKind.STATE_CONFLICT, "the root user of " + found.accountId()
                    + " already has a password: its email owner can use 'Forgot password' without this request");
        }
        return PlanStep.stored(List.of(new AllowRootPasswordRecovery(found.accountId(),
                RootTask.CREATE_ROOT_USER_PASSWORD.policyArn(), found.accessKeyIds(), found.signingCertificateIds(),
                found.mfaSerialNumbers())));
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
