package dev.iamsteward.iam;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Tracer;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A root session with a span around every IAM call made within a trace, as {@link TracedIamDirectory} has: the
 * operation, the member account and the task policy, never the session's credentials.
 */
final class TracedRootSession implements RootSession {

    static final AttributeKey<String> ROOT_TASK = AttributeKey.stringKey("steward.iam.root_task");

    private final RootSession session;
    private final Tracer tracer;

    TracedRootSession(RootSession session, Tracer tracer) {
        this.session = session;
        this.tracer = tracer;
    }

    private <T> T traced(String operation, Supplier<T> call) {
        return TracedIamDirectory.inSpan(tracer, operation, session.accountId(), ROOT_TASK,
                session.task().policyName(), call);
    }

    private void traced(String operation, Runnable call) {
        traced(operation, () -> {
            call.run();
            return null;
        });
    }

    @Override
    public Scope scope() {
        return session.scope();
    }

    @Override
    public Optional<LoginProfile> loginProfile() {
        return traced("GetLoginProfile", session::loginProfile);
    }

    @Override
    public List<AccessKey> accessKeys() {
        return traced("ListAccessKeys", session::accessKeys);
    }

    @Override
    public List<MfaDevice> mfaDevices() {
        return traced("ListMFADevices", session::mfaDevices);
    }

    @Override
    public List<String> signingCertificates() {
        return traced("ListSigningCertificates", session::signingCertificates);
    }

    @Override
    public void deleteLoginProfile() {
        traced("DeleteLoginProfile", session::deleteLoginProfile);
    }

    @Override
    public void deleteAccessKey(String accessKeyId) {
        traced("DeleteAccessKey", () -> session.deleteAccessKey(accessKeyId));
    }

    @Override
    public void deactivateMfaDevice(String serialNumber) {
        traced("DeactivateMFADevice", () -> session.deactivateMfaDevice(serialNumber));
    }

    @Override
    public void deleteSigningCertificate(String certificateId) {
        traced("DeleteSigningCertificate", () -> session.deleteSigningCertificate(certificateId));
    }

    @Override
    public void allowPasswordRecovery() {
        traced("CreateLoginProfile", session::allowPasswordRecovery);
    }

    @Override
    public String toString() {
        return session.toString();
    }
}
