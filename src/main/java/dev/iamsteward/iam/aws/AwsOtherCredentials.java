package dev.iamsteward.iam.aws;

import static dev.iamsteward.iam.aws.IamCalls.call;
import static dev.iamsteward.iam.aws.IamCalls.run;

import dev.iamsteward.iam.Attribution;
import dev.iamsteward.iam.IamException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.ListServiceSpecificCredentialsResponse;
import software.amazon.awssdk.services.iam.model.SSHPublicKeyMetadata;
import software.amazon.awssdk.services.iam.model.ServiceSpecificCredentialMetadata;
import software.amazon.awssdk.services.iam.model.SigningCertificate;

/** Credentials other than passwords and access keys, which offboarding finds and removes before DeleteUser. */
final class AwsOtherCredentials {

    /** What an emulator answers for a call it lacks: a server error that is not one of IAM's. */
    private static final int SERVER_ERROR = 500;

    private final IamCalls calls;
    private final IamClient iam;
    private final boolean emulated;

    /** {@code emulated}: the IAM endpoint is an override (an emulator), not AWS itself. */
    AwsOtherCredentials(IamCalls calls, boolean emulated) {
        this.calls = calls;
        this.iam = calls.client();
        this.emulated = emulated;
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
            ListServiceSpecificCredentialsResponse page = call(() -> unlessUnimplemented(
                    "ListServiceSpecificCredentials", () -> iam.listServiceSpecificCredentials(r -> r
                            .userName(userName).marker(from).overrideConfiguration(calls.asService()))));
            page.serviceSpecificCredentials().stream()
                    .map(ServiceSpecificCredentialMetadata::serviceSpecificCredentialId).forEach(ids::add);
            marker = Boolean.TRUE.equals(page.isTruncated()) ? page.marker() : null;
        } while (marker != null);
        return List.copyOf(ids);
    }

    /**
     * Runs a call an emulator may lack (moto answers a bare 500 for ListServiceSpecificCredentials): against an
     * endpoint override, a server error without an IAM error code is {@link IamException.NotImplemented}, which the
     * plan reports. Against AWS itself every failure stays what it is: nothing is skipped there.
     */
    private <T> T unlessUnimplemented(String action, Supplier<T> call) {
        try {
            return call.get();
        } catch (AwsServiceException e) {
            boolean iamError = e.awsErrorDetails() != null && e.awsErrorDetails().errorCode() != null
                    && !e.awsErrorDetails().errorCode().isBlank();
            if (emulated && e.statusCode() >= SERVER_ERROR && !iamError) {
                throw new IamException.NotImplemented("the endpoint does not implement " + action);
            }
            throw e;
        }
    }

    void deleteServiceSpecificCredential(String userName, String credentialId, Attribution attribution) {
        run(() -> iam.deleteServiceSpecificCredential(r -> r.userName(userName)
                .serviceSpecificCredentialId(credentialId).overrideConfiguration(calls.as(attribution))));
    }
}
