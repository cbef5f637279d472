package dev.iamsteward.request;

import dev.iamsteward.iam.AccessKey;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One step of a plan, typed: the closed family of IAM calls a request can make, plus the one step of the
 * service's own ({@link StartKeyRotation}). Each action name is written here once. A plan is stored and shown as
 * {@link PlannedCall}s; {@link #stored()} and {@link #of(PlannedCall)} convert between the two, keeping the stored
 * form (action, parameter names, their order) exactly as it always was, so stored plans and plan hashes still match.
 * Whoever acts on a step implements {@link Visitor}, one method per kind of step.
 */
public sealed interface PlanStep {

    /** The IAM user the step concerns. */
    String userName();

    /** The action name in the stored plan, e.g. {@code iam:CreateUser}. */
    String action();

    /** The step's parameters after {@code UserName}, in their stored order. */
    void putParameters(Map<String, String> into);

    <R> R accept(Visitor<R> visitor);

    /** The step as stored and shown: its action and parameters, {@code UserName} first. */
    default PlannedCall stored() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("UserName", userName());
        putParameters(parameters);
        return new PlannedCall(action(), parameters);
    }

    /** A whole plan as stored. */
    static List<PlannedCall> stored(List<? extends PlanStep> steps) {
        return steps.stream().map(PlanStep::stored).toList();
    }

    /** The typed step of a stored call; an action this service does not know is an {@link UnknownStep}. */
    static PlanStep of(PlannedCall call) {
        if (call.parameters().containsKey(RootStep.TARGET_PRINCIPAL)) {
            return RootStep.read(call);
        }
        Function<Map<String, String>, PlanStep> reader = StepReaders.READERS.get(call.action());
        if (reader == null) {
            throw new UnknownStep(call.action());
        }
        return reader.apply(call.parameters());
    }

    /** A stored step whose action this service does not know. */
    final class UnknownStep extends IllegalArgumentException {
        public UnknownStep(String action) {
            super("the plan has a step this service does not know: " + action);
        }
    }

    /** Acts on a step; one method per kind, so a new kind of step cannot be forgotten. */
    interface Visitor<R> {
        R createUser(CreateUser step);

        R createLoginProfile(CreateLoginProfile step);

        R deleteLoginProfile(DeleteLoginProfile step);

        R createAccessKey(CreateAccessKey step);

        R updateAccessKey(UpdateAccessKey step);

        R deleteAccessKey(DeleteAccessKey step);

        R attachUserPolicy(AttachUserPolicy step);

        R detachUserPolicy(DetachUserPolicy step);

        R addUserToGroup(AddUserToGroup step);

        R removeUserFromGroup(RemoveUserFromGroup step);

        R createVirtualMfaDevice(CreateVirtualMfaDevice step);

        R enableMfaDevice(EnableMfaDevice step);

        R deactivateMfaDevice(DeactivateMfaDevice step);

        R deleteVirtualMfaDevice(DeleteVirtualMfaDevice step);

        R deleteSigningCertificate(DeleteSigningCertificate step);

        R deleteSshPublicKey(DeleteSshPublicKey step);

        R deleteServiceSpecificCredential(DeleteServiceSpecificCredential step);

        R deleteUserPolicy(DeleteUserPolicy step);

        R deleteUser(DeleteUser step);

        R startKeyRotation(StartKeyRotation step);

        R deleteRootCredential(DeleteRootCredential step);

        R allowRootPasswordRecovery(AllowRootPasswordRecovery step);
    }

    // ---- users

    /** CreateUser, with the path, the permissions boundary and the tags the user is made with. */
    record CreateUser(String userName, String path, String permissionsBoundary, Map<String, String> tags)
            implements PlanStep {
        static final String ACTION = "iam:CreateUser";
        private static final String TAG = "Tags.";

        public CreateUser {
            tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        }

        public String action() {
            return ACTION;
        }

        public void putParameters(Map<String, String> into) {
            into.put("Path", path);
            into.put("PermissionsBoundary", permissionsBoundary);
            tags.forEach((k, v) -> into.put(TAG + k, v));
        }

        static CreateUser read(Map<String, String> p) {
            Map<String, String> tags = new LinkedHashMap<>();
            p.forEach((k, v) -> {
                if (k.startsWith(TAG)) {
                    tags.put(k.substring(TAG.length()), v);
                }
            });
            return new CreateUser(p.get("UserName"), p.get("Path"), p.get("PermissionsBoundary"), tags);
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.createUser(this);
        }
    }

    /** DeleteUser: the last step of offboarding, once nothing blocks it. */
    record DeleteUser(String userName) implements PlanStep {
        static final String ACTION = "iam:DeleteUser";

        public String action() {
            return ACTION;
        }

        public void putParameters(Map<String, String> into) {
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.deleteUser(this);
        }
    }

    // ---- console access

    /** CreateLoginProfile: console access, its one-time password made and sealed by execution. */
    record CreateLoginProfile(String userName, boolean passwordResetRequired) implements PlanStep {
        static final String ACTION = "iam:CreateLoginProfile";

        public String action() {
            return ACTION;
        }

        public void putParameters(Map<String, String> into) {
            into.put("PasswordResetRequired", String.valueOf(passwordResetRequired));
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.createLoginProfile(this);
        }
    }

    /** DeleteLoginProfile: console access taken away. */
    record DeleteLoginProfile(String userName) implements PlanStep {
        static final String ACTION = "iam:DeleteLoginProfile";

        public String action() {
            return ACTION;
        }

        public void putParameters(Map<String, String> into) {
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.deleteLoginProfile(this);
        }
    }

    // ---- access keys

    /**
     * CreateAccessKey; the keys the user had when the plan was made are part of the plan, so that a key made or
     * deleted since shows as drift.
     */
    record CreateAccessKey(String userName, List<String> existingKeys) implements PlanStep {
        static final String ACTION = "iam:CreateAccessKey";

        public CreateAccessKey {
            existingKeys = List.copyOf(existingKeys);
        }

        public String action() {
            return ACTION;
        }

        public void putParameters(Map<String, String> into) {
            into.put("ExistingKeys", String.join(",", existingKeys));
        }

        static CreateAccessKey read(Map<String, String> p) {
            String keys = p.getOrDefault("ExistingKeys", "");
            return new CreateAccessKey(p.get("UserName"), keys.isEmpty() ? List.of() : List.of(keys.split(",")));
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.createAccessKey(this);
        }
    }

    /** UpdateAccessKey: a key made active or inactive. */
    record UpdateAccessKey(String userName, String accessKeyId, AccessKey.Status status) implements PlanStep {
        static final String ACTION = "iam:UpdateAccessKey";

        public String action() {
            return ACTION;
        }

        public void putParameters(Map<String, String> into) {
            into.put("AccessKeyId", accessKeyId);
            into.put("Status", status.name());
        }

        static UpdateAccessKey read(Map<String, String> p) {
            return new UpdateAccessKey(p.get("UserName"), p.get("AccessKeyId"),
                    AccessKey.Status.valueOf(p.get("Status")));
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.updateAccessKey(this);
        }
    }

    /** DeleteAccessKey. */
    record DeleteAccessKey(String userName, String accessKeyId) implements PlanStep {
        static final String ACTION = "iam:DeleteAccessKey";

        public String action() {
            return ACTION;
        }

        public void putParameters(Map<String, String> into) {
            into.put("AccessKeyId", accessKeyId);
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.deleteAccessKey(this);
        }
    }

    /** Not an IAM call: starts the service's own rotation of one key, which then files its own requests. */
    record StartKeyRotation(String userName, String accessKeyId) implements PlanStep {
        static final String ACTION = "steward:StartKeyRotation";

        public String action() {
            return ACTION;
        }

        public void putParameters(Map<String, String> into) {
            into.put("AccessKeyId", accessKeyId);
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.startKeyRotation(this);
        }
    }

    // ---- policies and groups

    /** AttachUserPolicy: a managed policy attached. */
    record AttachUserPolicy(String userName, String policyArn) implements PlanStep {
        static final String ACTION = "iam:AttachUserPolicy";

        public String action() {
            return ACTION;
        }

        public void putParameters(Map<String, String> into) {
            into.put("PolicyArn", policyArn);
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.attachUserPolicy(this);
        }
    }

    /** DetachUserPolicy: a managed policy detached. */
    record DetachUserPolicy(String userName, String policyArn) implements PlanStep {
        static final String ACTION = "iam:DetachUserPolicy";

        public String action() {
            return ACTION;
        }

        public void putParameters(Map<String, String> into) {
            into.put("PolicyArn", policyArn);
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.detachUserPolicy(this);
        }
    }

    /** DeleteUserPolicy: an inline policy deleted. */
    record DeleteUserPolicy(String userName, String policyName) implements PlanStep {
        static final String ACTION = "iam:DeleteUserPolicy";

        public String action() {
            return ACTION;
        }

        public void putParameters(Map<String, String> into) {
            into.put("PolicyName", policyName);
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.deleteUserPolicy(this);
        }
    }

    /** AddUserToGroup. */
    record AddUserToGroup(String userName, String groupName) implements PlanStep {
        static final String ACTION = "iam:AddUserToGroup";

        public String action() {
            return ACTION;
        }

        public void putParameters(Map<String, String> into) {
            into.put("GroupName", groupName);
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.addUserToGroup(this);
        }
    }

    /** RemoveUserFromGroup. */
    record RemoveUserFromGroup(String userName, String groupName) implements PlanStep {
        static final String ACTION = "iam:RemoveUserFromGroup";

        public String action() {
            return ACTION;
        }

        public void putParameters(Map<String, String> into) {
            into.put("GroupName", groupName);
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.removeUserFromGroup(this);
        }
    }

    // ---- MFA

    /** CreateVirtualMFADevice: a device named after the user; its seed is sealed for the owner by execution. */
    record CreateVirtualMfaDevice(String userName, String deviceName, String path, String serialNumber)
            implements PlanStep {
        static final String ACTION = "iam:CreateVirtualMFADevice";

        public String action() {
            return ACTION;
        }

        public void putParameters(Map<String, String> into) {
            into.put("VirtualMFADeviceName", deviceName);
            into.put("Path", path);
            into.put("SerialNumber", serialNumber);
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.createVirtualMfaDevice(this);
        }
    }

    /** EnableMFADevice: done with the owner's two codes; until they come, execution waits. */
    record EnableMfaDevice(String userName, String serialNumber) implements PlanStep {
        static final String ACTION = "iam:EnableMFADevice";

        public String action() {
            return ACTION;
        }

        public void putParameters(Map<String, String> into) {
            into.put("SerialNumber", serialNumber);
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.enableMfaDevice(this);
        }
    }

    /** DeactivateMFADevice. */
    record DeactivateMfaDevice(String userName, String serialNumber) implements PlanStep {
        static final String ACTION = "iam:DeactivateMFADevice";

        public String action() {
            return ACTION;
        }

        public void putParameters(Map<String, String> into) {
            into.put("SerialNumber", serialNumber);
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.deactivateMfaDevice(this);
        }
    }

    /** DeleteVirtualMFADevice. */
    record DeleteVirtualMfaDevice(String userName, String serialNumber) implements PlanStep {
        static final String ACTION = "iam:DeleteVirtualMFADevice";

        public String action() {
            return ACTION;
        }

        public void putParameters(Map<String, String> into) {
            into.put("SerialNumber", serialNumber);
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.deleteVirtualMfaDevice(this);
        }
    }

    // ---- other credentials, removed by offboarding

    /** DeleteSigningCertificate. */
    record DeleteSigningCertificate(String userName, String certificateId) implements PlanStep {
        static final String ACTION = "iam:DeleteSigningCertificate";

        public String action() {
            return ACTION;
        }

        public void putParameters(Map<String, String> into) {
            into.put("CertificateId", certificateId);
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.deleteSigningCertificate(this);
        }
    }

    /** DeleteSSHPublicKey. */
    record DeleteSshPublicKey(String userName, String sshPublicKeyId) implements PlanStep {
        static final String ACTION = "iam:DeleteSSHPublicKey";

        public String action() {
            return ACTION;
        }

        public void putParameters(Map<String, String> into) {
            into.put("SSHPublicKeyId", sshPublicKeyId);
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.deleteSshPublicKey(this);
        }
    }

    /** DeleteServiceSpecificCredential. */
    record DeleteServiceSpecificCredential(String userName, String credentialId) implements PlanStep {
        static final String ACTION = "iam:DeleteServiceSpecificCredential";

        public String action() {
            return ACTION;
        }

        public void putParameters(Map<String, String> into) {
            into.put("ServiceSpecificCredentialId", credentialId);
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.deleteServiceSpecificCredential(this);
        }
    }

    // ---- a member account's root user

    /**
     * A call on a member account's root user, in a root session on that account scoped to the task policy the step
     * names: stored without a user name, {@code TargetPrincipal} and {@code TaskPolicyArn} first.
     */
    sealed interface RootStep extends PlanStep {
        String TARGET_PRINCIPAL = "TargetPrincipal";
        String TASK_POLICY_ARN = "TaskPolicyArn";

        String memberAccount();

        String taskPolicyArn();

        /** The root user has no user name. */
        @Override
        default String userName() {
            return null;
        }

        @Override
        default PlannedCall stored() {
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put(TARGET_PRINCIPAL, memberAccount());
            parameters.put(TASK_POLICY_ARN, taskPolicyArn());
            putParameters(parameters);
            return new PlannedCall(action(), parameters);
        }

        /** The typed step of a stored call that names a {@code TargetPrincipal}. */
        static RootStep read(PlannedCall call) {
            return AllowRootPasswordRecovery.ACTION.equals(call.action()) ? AllowRootPasswordRecovery.read(call)
                    : DeleteRootCredential.read(call);
        }
    }

    /** One credential of a member account's root user removed. */
    record DeleteRootCredential(String memberAccount, String taskPolicyArn, Credential credential, String credentialId)
            implements RootStep {

        /** What kind of credential, with the IAM call that removes it and the parameter naming it. */
        public enum Credential {
            PASSWORD(DeleteLoginProfile.ACTION, null),
            ACCESS_KEY(DeleteAccessKey.ACTION, "AccessKeyId"),
            SIGNING_CERTIFICATE(DeleteSigningCertificate.ACTION, "CertificateId"),
            MFA_DEVICE(DeactivateMfaDevice.ACTION, "SerialNumber");

            final String action;
            final String parameter;

            Credential(String action, String parameter) {
                this.action = action;
                this.parameter = parameter;
            }
        }

        public String action() {
            return credential.action;
        }

        public void putParameters(Map<String, String> into) {
            if (credential.parameter != null) {
                into.put(credential.parameter, credentialId);
            }
        }

        static DeleteRootCredential read(PlannedCall call) {
            Map<String, String> p = call.parameters();
            for (Credential credential : Credential.values()) {
                if (credential.action.equals(call.action())) {
                    return new DeleteRootCredential(p.get(TARGET_PRINCIPAL), p.get(TASK_POLICY_ARN), credential,
                            credential.parameter == null ? null : p.get(credential.parameter));
                }
            }
            throw new UnknownStep(call.action() + " in a root session");
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.deleteRootCredential(this);
        }
    }

    /**
     * CreateLoginProfile on a member account's root user, with no password (a root session may not send one): the
     * account's email owner can then recover the password. The other credentials the root user held when the plan
     * was made are part of the plan, so that what appears during the recovery window shows when it ends.
     */
    record AllowRootPasswordRecovery(String memberAccount, String taskPolicyArn, List<String> existingAccessKeys,
            List<String> existingSigningCertificates, List<String> existingMfaDevices) implements RootStep {
        static final String ACTION = CreateLoginProfile.ACTION;
        private static final String KEYS = "ExistingAccessKeys";
        private static final String CERTIFICATES = "ExistingSigningCertificates";
        private static final String MFA_DEVICES = "ExistingMFADevices";

        public AllowRootPasswordRecovery {
            existingAccessKeys = List.copyOf(existingAccessKeys);
            existingSigningCertificates = List.copyOf(existingSigningCertificates);
            existingMfaDevices = List.copyOf(existingMfaDevices);
        }

        public String action() {
            return ACTION;
        }

        public void putParameters(Map<String, String> into) {
            into.put(KEYS, String.join(",", existingAccessKeys));
            into.put(CERTIFICATES, String.join(",", existingSigningCertificates));
            into.put(MFA_DEVICES, String.join(",", existingMfaDevices));
        }

        static AllowRootPasswordRecovery read(PlannedCall call) {
            Map<String, String> p = call.parameters();
            return new AllowRootPasswordRecovery(p.get(TARGET_PRINCIPAL), p.get(TASK_POLICY_ARN), list(p.get(KEYS)),
                    list(p.get(CERTIFICATES)), list(p.get(MFA_DEVICES)));
        }

        private static List<String> list(String joined) {
            return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split(","));
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.allowRootPasswordRecovery(this);
        }
    }
}
