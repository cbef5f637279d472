package dev.iamsteward.request;

import dev.iamsteward.iam.IamDirectory;
import dev.iamsteward.iam.IamException;
import dev.iamsteward.iam.MfaDevice;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The offboarding saga: every dependent IAM would let block DeleteUser, removed in a safe order (credentials
 * first, so the user can do nothing while the rest goes), then DeleteUser itself.
 *
 * <p>The permissions boundary is not removed: DeleteUser does not need it, and taking it off first would
 * widen what the user may do for the time between the two calls.
 */
final class OffboardingPlan {

    private final String userName;
    private final List<PlannedCall> calls = new ArrayList<>();

    private OffboardingPlan(String userName) {
        this.userName = userName;
    }

    /**
     * The plan for {@code userName}; a listing the IAM endpoint does not implement (an emulator) is said in a
     * note given to {@code notes}, never skipped silently. Against AWS itself every listing is made.
     */
    static List<PlannedCall> of(IamDirectory iam, String userName, Consumer<String> notes) {
        OffboardingPlan plan = new OffboardingPlan(userName);
        if (iam.findLoginProfile(userName).isPresent()) {
            plan.add("iam:DeleteLoginProfile", Map.of());
        }
        iam.listAccessKeys(userName).forEach(k -> plan.add("iam:DeleteAccessKey",
                Map.of("AccessKeyId", k.accessKeyId())));
        iam.listSigningCertificates(userName).forEach(id -> plan.add("iam:DeleteSigningCertificate",
                Map.of("CertificateId", id)));
        iam.listSshPublicKeys(userName).forEach(id -> plan.add("iam:DeleteSSHPublicKey",
                Map.of("SSHPublicKeyId", id)));
        try {
            iam.listServiceSpecificCredentials(userName).forEach(id -> plan.add(
                    "iam:DeleteServiceSpecificCredential", Map.of("ServiceSpecificCredentialId", id)));
        } catch (IamException.NotImplemented e) {
            notes.accept("service-specific credentials: not listed, " + e.getMessage());
        }
        for (MfaDevice device : iam.listMfaDevices(userName)) {
            plan.add("iam:DeactivateMFADevice", Map.of("SerialNumber", device.serialNumber()));
            if (device.virtual()) {
                plan.add("iam:DeleteVirtualMFADevice", Map.of("SerialNumber", device.serialNumber()));
            }
        }
        iam.listUserPolicies(userName).forEach(name -> plan.add("iam:DeleteUserPolicy",
                Map.of("PolicyName", name)));
        iam.listAttachedUserPolicies(userName).forEach(arn -> plan.add("iam:DetachUserPolicy",
                Map.of("PolicyArn", arn)));
        iam.listGroupsForUser(userName).forEach(group -> plan.add("iam:RemoveUserFromGroup",
                Map.of("GroupName", group)));
        plan.add("iam:DeleteUser", Map.of());
        return List.copyOf(plan.calls);
    }

    private void add(String action, Map<String, String> extra) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("UserName", userName);
        parameters.putAll(extra);
        calls.add(new PlannedCall(action, parameters));
    }
}
