package dev.iamsteward.iam.aws;

import dev.iamsteward.common.Secret;
import dev.iamsteward.iam.AccessKey;
import dev.iamsteward.iam.AccessKeyUsage;
import dev.iamsteward.iam.Attribution;
import dev.iamsteward.iam.CallerIdentity;
import dev.iamsteward.iam.IamAccount;
import dev.iamsteward.iam.IamDirectory;
import dev.iamsteward.iam.IamPage;
import dev.iamsteward.iam.IamUser;
import dev.iamsteward.iam.LoginProfile;
import dev.iamsteward.iam.MfaDevice;
import dev.iamsteward.iam.NewAccessKey;
import dev.iamsteward.iam.NewUser;
import dev.iamsteward.iam.NewVirtualMfa;
import dev.iamsteward.iam.PasswordPolicy;
import dev.iamsteward.iam.PolicySimulator;
import io.opentelemetry.api.OpenTelemetry;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The IAM port over the AWS SDK v2: every call runs in a session on the broker role assumed with STS. This
 * class only wires and delegates; each group of operations lives in its own class of this package.
 */
public class AwsIamDirectory implements IamDirectory, AutoCloseable {

    private final IamCalls calls;
    private final String target;
    private final AwsUsers users;
    private final AwsConsoleAccess console;
    private final AwsAccessKeys keys;
    private final AwsPermissions permissions;
    private final AwsOtherCredentials otherCredentials;
    private final AwsMfa mfa;
    private final AwsIamAccount account;
    private final AwsPolicySimulator simulator;
    private final AwsKeyCheck keyCheck;

    /** The adapter on {@code steward.aws.role-arn}, over clients of its own. */
    public AwsIamDirectory(AwsConfig config, OpenTelemetry telemetry) {
        this(new IamCalls(config, config.roleArn().orElseThrow(() -> new IllegalStateException(
                "steward.aws.role-arn is required when steward.iam.backend=aws")), telemetry), config);
    }

    /** The adapter of one target account, on its broker role, over the calls made for it. */
    AwsIamDirectory(IamCalls calls, AwsConfig config) {
        this.calls = calls;
        this.target = "role " + calls.roleArn() + config.iamEndpoint().map(e -> " via " + e).orElse("");
        this.users = new AwsUsers(calls);
        this.console = new AwsConsoleAccess(calls);
        this.keys = new AwsAccessKeys(calls);
        this.permissions = new AwsPermissions(calls);
        this.otherCredentials = new AwsOtherCredentials(calls, config.iamEndpoint().isPresent());
        this.mfa = new AwsMfa(calls);
        this.account = new AwsIamAccount(calls);
        this.simulator = new AwsPolicySimulator(calls, calls.roleArn());
        this.keyCheck = new AwsKeyCheck(calls.sts());
    }

    /** The account-level reads, over the same clients and service session. */
    public IamAccount account() {
        return account;
    }

    /** IAM's policy simulator, asked in the service's session about the broker role itself. */
    public PolicySimulator simulator() {
        return simulator;
    }

    @Override
    public IamUser createUser(NewUser user, Attribution attribution) {
        return users.createUser(user, attribution);
    }

    @Override
    public Optional<IamUser> findUser(String userName) {
        return users.findUser(userName);
    }

    @Override
    public IamPage<IamUser> listUsers(String pathPrefix, String marker, int maxItems) {
        return users.listUsers(pathPrefix, marker, maxItems);
    }

    @Override
    public void tagUser(String userName, Map<String, String> tags, Attribution attribution) {
        users.tagUser(userName, tags, attribution);
    }

    @Override
    public void deleteUser(String userName, Attribution attribution) {
        users.deleteUser(userName, attribution);
    }

    @Override
    public void deleteUserPermissionsBoundary(String userName, Attribution attribution) {
        users.deleteUserPermissionsBoundary(userName, attribution);
    }

    @Override
    public Optional<LoginProfile> findLoginProfile(String userName) {
        return console.findLoginProfile(userName);
    }

    @Override
    public void createLoginProfile(String userName, Secret password, boolean passwordResetRequired,
            Attribution attribution) {
        console.createLoginProfile(userName, password, passwordResetRequired, attribution);
    }

    @Override
    public void deleteLoginProfile(String userName, Attribution attribution) {
        console.deleteLoginProfile(userName, attribution);
    }

    @Override
    public PasswordPolicy passwordPolicy() {
        return console.passwordPolicy();
    }

    @Override
    public List<AccessKey> listAccessKeys(String userName) {
        return keys.listAccessKeys(userName);
    }

    @Override
    public NewAccessKey createAccessKey(String userName, Attribution attribution) {
        return keys.createAccessKey(userName, attribution);
    }

    @Override
    public void updateAccessKey(String userName, String accessKeyId, AccessKey.Status status,
            Attribution attribution) {
        keys.updateAccessKey(userName, accessKeyId, status, attribution);
    }

    @Override
    public void deleteAccessKey(String userName, String accessKeyId, Attribution attribution) {
        keys.deleteAccessKey(userName, accessKeyId, attribution);
    }

    @Override
    public AccessKeyUsage accessKeyLastUsed(String accessKeyId) {
        return keys.accessKeyLastUsed(accessKeyId);
    }

    @Override
    public CallerIdentity callerIdentity(String accessKeyId, Secret secretAccessKey) {
        return keyCheck.callerIdentity(accessKeyId, secretAccessKey);
    }

    @Override
    public List<String> listGroupsForUser(String userName) {
        return permissions.listGroupsForUser(userName);
    }

    @Override
    public void addUserToGroup(String groupName, String userName, Attribution attribution) {
        permissions.addUserToGroup(groupName, userName, attribution);
    }

    @Override
    public void removeUserFromGroup(String groupName, String userName, Attribution attribution) {
        permissions.removeUserFromGroup(groupName, userName, attribution);
    }

    @Override
    public List<String> listAttachedUserPolicies(String userName) {
        return permissions.listAttachedUserPolicies(userName);
    }

    @Override
    public void attachUserPolicy(String userName, String policyArn, Attribution attribution) {
        permissions.attachUserPolicy(userName, policyArn, attribution);
    }

    @Override
    public void detachUserPolicy(String userName, String policyArn, Attribution attribution) {
        permissions.detachUserPolicy(userName, policyArn, attribution);
    }

    @Override
    public List<String> listUserPolicies(String userName) {
        return permissions.listUserPolicies(userName);
    }

    @Override
    public void deleteUserPolicy(String userName, String policyName, Attribution attribution) {
        permissions.deleteUserPolicy(userName, policyName, attribution);
    }

    @Override
    public List<String> listSigningCertificates(String userName) {
        return otherCredentials.listSigningCertificates(userName);
    }

    @Override
    public void deleteSigningCertificate(String userName, String certificateId, Attribution attribution) {
        otherCredentials.deleteSigningCertificate(userName, certificateId, attribution);
    }

    @Override
    public List<String> listSshPublicKeys(String userName) {
        return otherCredentials.listSshPublicKeys(userName);
    }

    @Override
    public void deleteSshPublicKey(String userName, String sshPublicKeyId, Attribution attribution) {
        otherCredentials.deleteSshPublicKey(userName, sshPublicKeyId, attribution);
    }

    @Override
    public List<String> listServiceSpecificCredentials(String userName) {
        return otherCredentials.listServiceSpecificCredentials(userName);
    }

    @Override
    public void deleteServiceSpecificCredential(String userName, String credentialId, Attribution attribution) {
        otherCredentials.deleteServiceSpecificCredential(userName, credentialId, attribution);
    }

    @Override
    public List<MfaDevice> listMfaDevices(String userName) {
        return mfa.listMfaDevices(userName);
    }

    @Override
    public NewVirtualMfa createVirtualMfaDevice(String deviceName, String path, Attribution attribution) {
        return mfa.createVirtualMfaDevice(deviceName, path, attribution);
    }

    @Override
    public void enableMfaDevice(String userName, String serialNumber, String code1, String code2,
            Attribution attribution) {
        mfa.enableMfaDevice(userName, serialNumber, code1, code2, attribution);
    }

    @Override
    public void deactivateMfaDevice(String userName, String serialNumber, Attribution attribution) {
        mfa.deactivateMfaDevice(userName, serialNumber, attribution);
    }

    @Override
    public void deleteVirtualMfaDevice(String serialNumber, Attribution attribution) {
        mfa.deleteVirtualMfaDevice(serialNumber, attribution);
    }

    @Override
    public Backend backend() {
        return new Backend("aws", false, target);
    }

    @Override
    public void close() {
        calls.close();
    }
}
