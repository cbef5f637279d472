package dev.iamsteward.iam;

import dev.iamsteward.common.Secret;
import dev.iamsteward.common.Traces;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The IAM port with a span around every call made within a trace (an API call, an execution): the IAM operation,
 * the user it names and the account, nothing else of the call. A password, a key's secret, an MFA seed or code is
 * never an attribute, and a failure shows only IAM's error code. Calls outside any trace (such as the health
 * check) start none, so that they do not each make a trace of their own. The spans are internal: the AWS
 * adapter's SDK call beneath is the client span.
 */
public final class TracedIamDirectory implements IamDirectory {

    static final AttributeKey<String> OPERATION = AttributeKey.stringKey("steward.iam.operation");
    static final AttributeKey<String> USER_NAME = AttributeKey.stringKey("steward.iam.user_name");

    private final IamDirectory iam;
    private final Tracer tracer;
    private final String account;

    public TracedIamDirectory(IamDirectory iam, Tracer tracer, String account) {
        this.iam = iam;
        this.tracer = tracer;
        this.account = account;
    }

    /** The adapter beneath, untraced and unlimited. */
    public IamDirectory adapter() {
        return RateLimitedIam.unwrap(iam);
    }

    private <T> T traced(String operation, String userName, Supplier<T> call) {
        return inSpan(tracer, operation, account, USER_NAME, userName, call);
    }

    /**
     * {@code call} in a span of the IAM operation on {@code account}, with {@code attribute} when it has a value;
     * outside any trace, the call alone. A failure shows only IAM's error code, or the exception's simple name.
     */
    static <T> T inSpan(Tracer tracer, String operation, String account, AttributeKey<String> attribute, String value,
            Supplier<T> call) {
        if (!Span.current().getSpanContext().isValid()) {
            return call.get();
        }
        Span span = tracer.spanBuilder("iam " + operation)
                .setAttribute(OPERATION, operation).setAttribute(Traces.ACCOUNT, account).startSpan();
        if (value != null) {
            span.setAttribute(attribute, value);
        }
        try (Scope scope = span.makeCurrent()) {
            return call.get();
        } catch (IamException e) {
            span.setStatus(StatusCode.ERROR, e.code());
            throw e;
        } catch (RuntimeException e) {
            span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
            throw e;
        } finally {
            span.end();
        }
    }

    private void traced(String operation, String userName, Runnable call) {
        traced(operation, userName, () -> {
            call.run();
            return null;
        });
    }

    @Override
    public IamUser createUser(NewUser user, Attribution attribution) {
        return traced("CreateUser", user.userName(), () -> iam.createUser(user, attribution));
    }

    @Override
    public Optional<IamUser> findUser(String userName) {
        return traced("GetUser", userName, () -> iam.findUser(userName));
    }

    @Override
    public IamPage<IamUser> listUsers(String pathPrefix, String marker, int maxItems) {
        return traced("ListUsers", null, () -> iam.listUsers(pathPrefix, marker, maxItems));
    }

    @Override
    public void tagUser(String userName, Map<String, String> tags, Attribution attribution) {
        traced("TagUser", userName, () -> iam.tagUser(userName, tags, attribution));
    }

    @Override
    public void deleteUser(String userName, Attribution attribution) {
        traced("DeleteUser", userName, () -> iam.deleteUser(userName, attribution));
    }

    @Override
    public Optional<LoginProfile> findLoginProfile(String userName) {
        return traced("GetLoginProfile", userName, () -> iam.findLoginProfile(userName));
    }

    @Override
    public void createLoginProfile(String userName, Secret password, boolean passwordResetRequired,
            Attribution attribution) {
        traced("CreateLoginProfile", userName,
                () -> iam.createLoginProfile(userName, password, passwordResetRequired, attribution));
    }

    @Override
    public void deleteLoginProfile(String userName, Attribution attribution) {
        traced("DeleteLoginProfile", userName, () -> iam.deleteLoginProfile(userName, attribution));
    }

    @Override
    public PasswordPolicy passwordPolicy() {
        return traced("GetAccountPasswordPolicy", null, iam::passwordPolicy);
    }

    @Override
    public List<AccessKey> listAccessKeys(String userName) {
        return traced("ListAccessKeys", userName, () -> iam.listAccessKeys(userName));
    }

    @Override
    public NewAccessKey createAccessKey(String userName, Attribution attribution) {
        return traced("CreateAccessKey", userName, () -> iam.createAccessKey(userName, attribution));
    }

    @Override
    public void updateAccessKey(String userName, String accessKeyId, AccessKey.Status status,
            Attribution attribution) {
        traced("UpdateAccessKey", userName, () -> iam.updateAccessKey(userName, accessKeyId, status, attribution));
    }

    @Override
    public void deleteAccessKey(String userName, String accessKeyId, Attribution attribution) {
        traced("DeleteAccessKey", userName, () -> iam.deleteAccessKey(userName, accessKeyId, attribution));
    }

    @Override
    public AccessKeyUsage accessKeyLastUsed(String accessKeyId) {
        return traced("GetAccessKeyLastUsed", null, () -> iam.accessKeyLastUsed(accessKeyId));
    }

    @Override
    public CallerIdentity callerIdentity(String accessKeyId, Secret secretAccessKey) {
        return traced("GetCallerIdentity", null, () -> iam.callerIdentity(accessKeyId, secretAccessKey));
    }

    @Override
    public List<String> listGroupsForUser(String userName) {
        return traced("ListGroupsForUser", userName, () -> iam.listGroupsForUser(userName));
    }

    @Override
    public void addUserToGroup(String groupName, String userName, Attribution attribution) {
        traced("AddUserToGroup", userName, () -> iam.addUserToGroup(groupName, userName, attribution));
    }

    @Override
    public void removeUserFromGroup(String groupName, String userName, Attribution attribution) {
        traced("RemoveUserFromGroup", userName, () -> iam.removeUserFromGroup(groupName, userName, attribution));
    }

    @Override
    public List<String> listAttachedUserPolicies(String userName) {
        return traced("ListAttachedUserPolicies", userName, () -> iam.listAttachedUserPolicies(userName));
    }

    @Override
    public void attachUserPolicy(String userName, String policyArn, Attribution attribution) {
        traced("AttachUserPolicy", userName, () -> iam.attachUserPolicy(userName, policyArn, attribution));
    }

    @Override
    public void detachUserPolicy(String userName, String policyArn, Attribution attribution) {
        traced("DetachUserPolicy", userName, () -> iam.detachUserPolicy(userName, policyArn, attribution));
    }

    @Override
    public List<String> listUserPolicies(String userName) {
        return traced("ListUserPolicies", userName, () -> iam.listUserPolicies(userName));
    }

    @Override
    public void deleteUserPolicy(String userName, String policyName, Attribution attribution) {
        traced("DeleteUserPolicy", userName, () -> iam.deleteUserPolicy(userName, policyName, attribution));
    }

    @Override
    public void deleteUserPermissionsBoundary(String userName, Attribution attribution) {
        traced("DeleteUserPermissionsBoundary", userName,
                () -> iam.deleteUserPermissionsBoundary(userName, attribution));
    }

    @Override
    public List<String> listSigningCertificates(String userName) {
        return traced("ListSigningCertificates", userName, () -> iam.listSigningCertificates(userName));
    }

    @Override
    public void deleteSigningCertificate(String userName, String certificateId, Attribution attribution) {
        traced("DeleteSigningCertificate", userName,
                () -> iam.deleteSigningCertificate(userName, certificateId, attribution));
    }

    @Override
    public List<String> listSshPublicKeys(String userName) {
        return traced("ListSSHPublicKeys", userName, () -> iam.listSshPublicKeys(userName));
    }

    @Override
    public void deleteSshPublicKey(String userName, String sshPublicKeyId, Attribution attribution) {
        traced("DeleteSSHPublicKey", userName, () -> iam.deleteSshPublicKey(userName, sshPublicKeyId, attribution));
    }

    @Override
    public List<String> listServiceSpecificCredentials(String userName) {
        return traced("ListServiceSpecificCredentials", userName, () -> iam.listServiceSpecificCredentials(userName));
    }

    @Override
    public void deleteServiceSpecificCredential(String userName, String credentialId, Attribution attribution) {
        traced("DeleteServiceSpecificCredential", userName,
                () -> iam.deleteServiceSpecificCredential(userName, credentialId, attribution));
    }

    @Override
    public List<MfaDevice> listMfaDevices(String userName) {
        return traced("ListMFADevices", userName, () -> iam.listMfaDevices(userName));
    }

    @Override
    public NewVirtualMfa createVirtualMfaDevice(String deviceName, String path, Attribution attribution) {
        return traced("CreateVirtualMFADevice", null, () -> iam.createVirtualMfaDevice(deviceName, path, attribution));
    }

    @Override
    public void enableMfaDevice(String userName, String serialNumber, String code1, String code2,
            Attribution attribution) {
        traced("EnableMFADevice", userName,
                () -> iam.enableMfaDevice(userName, serialNumber, code1, code2, attribution));
    }

    @Override
    public void deactivateMfaDevice(String userName, String serialNumber, Attribution attribution) {
        traced("DeactivateMFADevice", userName, () -> iam.deactivateMfaDevice(userName, serialNumber, attribution));
    }

    @Override
    public void deleteVirtualMfaDevice(String serialNumber, Attribution attribution) {
        traced("DeleteVirtualMFADevice", null, () -> iam.deleteVirtualMfaDevice(serialNumber, attribution));
    }

    @Override
    public Backend backend() {
        return iam.backend();
    }
}
