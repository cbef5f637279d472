package dev.iamsteward.iam.aws;

import static dev.iamsteward.iam.aws.IamCalls.call;
import static dev.iamsteward.iam.aws.IamCalls.run;

import dev.iamsteward.iam.Attribution;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.ListServiceSpecificCredentialsResponse;
import software.amazon.awssdk.services.iam.model.SSHPublicKeyMetadata;
import software.amazon.awssdk.services.iam.model.ServiceSpecificCredentialMetadata;
import software.amazon.awssdk.services.iam.model.SigningCertificate;

/** Credentials other than passwords and access keys, which offboarding finds and removes before DeleteUser. */
final class AwsOtherCredentials {

    private final IamCalls calls;
    private final IamClient iam;

    AwsOtherCredentials(IamCalls calls) {
        this.calls = calls;
        this.iam = calls.client();
    }

    List<String> listSigningCertificates(String userName) {
        return call(() -> iam.listSigningCertificatesPaginator(r -> r.userName(userName)
                        .overrideConfiguration(calls.asService()))
                .certificates().stream().map(SigningCertificate::certificateId).toList());
    }

    void deleteSigningCertificate(String userName, String certificateId, Attribution attribution) {
        run(() -> iam.deleteSigningCertificate(r -> r.userName(userName).certificateId(certificateId)
                .overrideConfiguration(calls.as(attribution))));
    }

    List<String> listSshPublicKeys(String userName) {
        return call(() -> iam.listSSHPublicKeysPaginator(r -> r.userName(userName)
                        .overrideConfiguration(calls.asService()))
                .sshPublicKeys().stream().map(SSHPublicKeyMetadata::sshPublicKeyId).toList());
    }

    void deleteSshPublicKey(String userName, String sshPublicKeyId, Attribution attribution) {
        run(() -> iam.deleteSSHPublicKey(r -> r.userName(userName).sshPublicKeyId(sshPublicKeyId)
                .overrideConfiguration(calls.as(attribution))));
    }

    /** The SDK has no paginator for this call (IAM added Marker to it late), so markers are followed here. */
    List<String> listServiceSpecificCredentials(String userName) {
        List<String> ids = new ArrayList<>();
        String marker = null;
        do {
            String from = marker;
            ListServiceSpecificCredentialsResponse page = call(() -> iam.listServiceSpecificCredentials(r -> r
                    .userName(userName).marker(from).overrideConfiguration(calls.asService())));
            page.serviceSpecificCredentials().stream()
                    .map(ServiceSpecificCredentialMetadata::serviceSpecificCredentialId).forEach(ids::add);
            marker = Boolean.TRUE.equals(page.isTruncated()) ? page.marker() : null;
        } while (marker != null);
        return List.copyOf(ids);
    }

    void deleteServiceSpecificCredential(String userName, String credentialId, Attribution attribution) {
        run(() -> iam.deleteServiceSpecificCredential(r -> r.userName(userName)
                .serviceSpecificCredentialId(credentialId).overrideConfiguration(calls.as(attribution))));
    }
}
