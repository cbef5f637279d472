package dev.iamsteward.iam.aws;

import static dev.iamsteward.iam.aws.IamCalls.call;
import static dev.iamsteward.iam.aws.IamCalls.find;
import static dev.iamsteward.iam.aws.IamCalls.run;

import dev.iamsteward.iam.AccessKey;
import dev.iamsteward.iam.LoginProfile;
import dev.iamsteward.iam.MfaDevice;
import dev.iamsteward.iam.RootSession;
import dev.iamsteward.iam.RootTask;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.SigningCertificate;

/**
 * IAM calls on a member account's root user, signed with the temporary credentials AssumeRoot returned. No call
 * names a user: IAM applies it to the root user. The credentials stay inside this object and its toString.
 */
final class AwsRootSession implements RootSession {

    private final IamClient iam;
    private final Scope scope;
    private final AwsRequestOverrideConfiguration asRoot;

    AwsRootSession(IamClient iam, String accountId, RootTask task, Instant expiresAt,
            AwsCredentialsProvider credentials) {
        this.iam = iam;
        this.scope = new Scope(accountId, task, expiresAt);
        this.asRoot = AwsRequestOverrideConfiguration.builder().credentialsProvider(credentials).build();
    }

    @Override
    public Scope scope() {
        return scope;
    }

    @Override
    public Optional<LoginProfile> loginProfile() {
        return find(() -> iam.getLoginProfile(r -> r.overrideConfiguration(asRoot)).loginProfile())
                .map(p -> new LoginProfile(p.createDate(), Boolean.TRUE.equals(p.passwordResetRequired())));
    }

    @Override
    public List<AccessKey> accessKeys() {
        return call(() -> iam.listAccessKeysPaginator(r -> r.overrideConfiguration(asRoot)).accessKeyMetadata()
                .stream().map(k -> new AccessKey(k.accessKeyId(), AccessKey.Status.valueOf(k.statusAsString()
                        .toUpperCase(java.util.Locale.ROOT)), k.createDate())).toList());
    }

    @Override
    public List<MfaDevice> mfaDevices() {
        return call(() -> iam.listMFADevicesPaginator(r -> r.overrideConfiguration(asRoot)).mfaDevices().stream()
                .map(d -> new MfaDevice(d.serialNumber(), d.enableDate())).toList());
    }

    @Override
    public List<String> signingCertificates() {
        return call(() -> iam.listSigningCertificatesPaginator(r -> r.overrideConfiguration(asRoot)).certificates()
                .stream().map(SigningCertificate::certificateId).toList());
    }

    @Override
    public void deleteLoginProfile() {
        run(() -> iam.deleteLoginProfile(r -> r.overrideConfiguration(asRoot)));
    }

    @Override
    public void deleteAccessKey(String accessKeyId) {
        run(() -> iam.deleteAccessKey(r -> r.accessKeyId(accessKeyId).overrideConfiguration(asRoot)));
    }

    @Override
    public void deactivateMfaDevice(String serialNumber) {
        run(() -> iam.deactivateMFADevice(r -> r.serialNumber(serialNumber).overrideConfiguration(asRoot)));
    }

    @Override
    public void deleteSigningCertificate(String certificateId) {
        run(() -> iam.deleteSigningCertificate(r -> r.certificateId(certificateId).overrideConfiguration(asRoot)));
    }

    @Override
    public void allowPasswordRecovery() {
        run(() -> iam.createLoginProfile(r -> r.overrideConfiguration(asRoot)));
    }

    @Override
    public String toString() {
        return "AwsRootSession[" + scope.accountId() + ", " + scope.task().policyName() + ", until "
                + scope.expiresAt() + "]";
    }
}
