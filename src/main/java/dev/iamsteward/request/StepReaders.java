package dev.iamsteward.request;

import dev.iamsteward.request.PlanStep.AddUserToGroup;
import dev.iamsteward.request.PlanStep.AttachUserPolicy;
import dev.iamsteward.request.PlanStep.CreateAccessKey;
import dev.iamsteward.request.PlanStep.CreateLoginProfile;
import dev.iamsteward.request.PlanStep.CreateUser;
import dev.iamsteward.request.PlanStep.CreateVirtualMfaDevice;
import dev.iamsteward.request.PlanStep.DeactivateMfaDevice;
import dev.iamsteward.request.PlanStep.DeleteAccessKey;
import dev.iamsteward.request.PlanStep.DeleteLoginProfile;
import dev.iamsteward.request.PlanStep.DeleteServiceSpecificCredential;
import dev.iamsteward.request.PlanStep.DeleteSigningCertificate;
import dev.iamsteward.request.PlanStep.DeleteSshPublicKey;
import dev.iamsteward.request.PlanStep.DeleteUser;
import dev.iamsteward.request.PlanStep.DeleteUserPolicy;
import dev.iamsteward.request.PlanStep.DeleteVirtualMfaDevice;
import dev.iamsteward.request.PlanStep.DetachUserPolicy;
import dev.iamsteward.request.PlanStep.EnableMfaDevice;
import dev.iamsteward.request.PlanStep.RemoveUserFromGroup;
import dev.iamsteward.request.PlanStep.StartKeyRotation;
import dev.iamsteward.request.PlanStep.UpdateAccessKey;
import java.util.Map;
import java.util.function.Function;

/** Reads each kind of {@link PlanStep} back from its stored form, by action name. */
final class StepReaders {

    static final Map<String, Function<Map<String, String>, PlanStep>> READERS = Map.ofEntries(
            Map.entry(CreateUser.ACTION, CreateUser::read),
            Map.entry(DeleteUser.ACTION, p -> new DeleteUser(user(p))),
            Map.entry(CreateLoginProfile.ACTION, p -> new CreateLoginProfile(user(p),
                    Boolean.parseBoolean(p.get("PasswordResetRequired")))),
            Map.entry(DeleteLoginProfile.ACTION, p -> new DeleteLoginProfile(user(p))),
            Map.entry(CreateAccessKey.ACTION, CreateAccessKey::read),
            Map.entry(UpdateAccessKey.ACTION, UpdateAccessKey::read),
            Map.entry(DeleteAccessKey.ACTION, p -> new DeleteAccessKey(user(p), p.get("AccessKeyId"))),
            Map.entry(StartKeyRotation.ACTION, p -> new StartKeyRotation(user(p), p.get("AccessKeyId"))),
            Map.entry(AttachUserPolicy.ACTION, p -> new AttachUserPolicy(user(p), p.get("PolicyArn"))),
            Map.entry(DetachUserPolicy.ACTION, p -> new DetachUserPolicy(user(p), p.get("PolicyArn"))),
            Map.entry(DeleteUserPolicy.ACTION, p -> new DeleteUserPolicy(user(p), p.get("PolicyName"))),
            Map.entry(AddUserToGroup.ACTION, p -> new AddUserToGroup(user(p), p.get("GroupName"))),
            Map.entry(RemoveUserFromGroup.ACTION, p -> new RemoveUserFromGroup(user(p), p.get("GroupName"))),
            Map.entry(CreateVirtualMfaDevice.ACTION, p -> new CreateVirtualMfaDevice(user(p),
                    p.get("VirtualMFADeviceName"), p.get("Path"), p.get("SerialNumber"))),
            Map.entry(EnableMfaDevice.ACTION, p -> new EnableMfaDevice(user(p), p.get("SerialNumber"))),
            Map.entry(DeactivateMfaDevice.ACTION, p -> new DeactivateMfaDevice(user(p), p.get("SerialNumber"))),
            Map.entry(DeleteVirtualMfaDevice.ACTION, p -> new DeleteVirtualMfaDevice(user(p), p.get("SerialNumber"))),
            Map.entry(DeleteSigningCertificate.ACTION, p -> new DeleteSigningCertificate(user(p),
                    p.get("CertificateId"))),
            Map.entry(DeleteSshPublicKey.ACTION, p -> new DeleteSshPublicKey(user(p), p.get("SSHPublicKeyId"))),
            Map.entry(DeleteServiceSpecificCredential.ACTION, p -> new DeleteServiceSpecificCredential(user(p),
                    p.get("ServiceSpecificCredentialId"))));

    private StepReaders() {
    }

    private static String user(Map<String, String> parameters) {
        return parameters.get("UserName");
    }
}
