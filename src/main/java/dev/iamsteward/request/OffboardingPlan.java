package dev.iamsteward.request;

import dev.iamsteward.iam.IamDirectory;
import dev.iamsteward.iam.IamException;
import dev.iamsteward.request.PlanStep.DeleteAccessKey;
import dev.iamsteward.request.PlanStep.DeleteLoginProfile;
import dev.iamsteward.request.PlanStep.DeleteServiceSpecificCredential;
import dev.iamsteward.request.PlanStep.DeleteSigningCertificate;
import dev.iamsteward.request.PlanStep.DeleteSshPublicKey;
import dev.iamsteward.request.PlanStep.DeleteUser;
import dev.iamsteward.request.PlanStep.DeleteUserPolicy;
import dev.iamsteward.request.PlanStep.DetachUserPolicy;
import dev.iamsteward.request.PlanStep.RemoveUserFromGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The offboarding saga: every dependent IAM would let block DeleteUser, removed in a safe order (credentials
 * first, so the user can do nothing while the rest goes), then DeleteUser itself.
 *
 * <p>The permissions boundary is not removed: DeleteUser does not need it, and taking it off first would
 * widen what the user may do for the time between the two calls.
 */
final class OffboardingPlan {

    private OffboardingPlan() {
    }

    /**
     * The plan for {@code user}; a listing the IAM endpoint does not implement (an emulator) is said in a
     * note given to {@code notes}, never skipped silently. Against AWS itself every listing is made.
     */
    static List<PlanStep> of(IamDirectory iam, String user, Consumer<String> notes) {
        List<PlanStep> plan = new ArrayList<>();
        if (iam.findLoginProfile(user).isPresent()) {
            plan.add(new DeleteLoginProfile(user));
        }
        iam.listAccessKeys(user).forEach(k -> plan.add(new DeleteAccessKey(user, k.accessKeyId())));
        iam.listSigningCertificates(user).forEach(id -> plan.add(new DeleteSigningCertificate(user, id)));
        iam.listSshPublicKeys(user).forEach(id -> plan.add(new DeleteSshPublicKey(user, id)));
        try {
            iam.listServiceSpecificCredentials(user).forEach(id -> plan.add(
                    new DeleteServiceSpecificCredential(user, id)));
        } catch (IamException.NotImplemented e) {
            notes.accept("service-specific credentials: not listed, " + e.getMessage());
        }
        plan.addAll(MfaPlan.removal(user, iam.listMfaDevices(user)));
        iam.listUserPolicies(user).forEach(name -> plan.add(new DeleteUserPolicy(user, name)));
        iam.listAttachedUserPolicies(user).forEach(arn -> plan.add(new DetachUserPolicy(user, arn)));
        iam.listGroupsForUser(user).forEach(group -> plan.add(new RemoveUserFromGroup(user, group)));
        plan.add(new DeleteUser(user));
        return List.copyOf(plan);
    }
}
