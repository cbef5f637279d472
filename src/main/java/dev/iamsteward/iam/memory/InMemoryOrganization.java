package dev.iamsteward.iam.memory;

import dev.iamsteward.iam.AccessKey;
import dev.iamsteward.iam.Attribution;
import dev.iamsteward.iam.IamDirectory;
import dev.iamsteward.iam.IamException;
import dev.iamsteward.iam.LoginProfile;
import dev.iamsteward.iam.MfaDevice;
import dev.iamsteward.iam.OrganizationFeature;
import dev.iamsteward.iam.OrganizationRoot;
import dev.iamsteward.iam.RootSession;
import dev.iamsteward.iam.RootTask;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A sandbox AWS organization with centralized root access, holding AWS's documented rules: only the management
 * account or the delegated administrator for IAM may call AssumeRoot, only on a member account, only with one of
 * the five task policies, for 1 to 900 seconds, on a Regional STS endpoint, and only while both features are on.
 * Every AssumeRoot is remembered (without credentials), so that tests can see what CloudTrail would show.
 */
public class InMemoryOrganization implements OrganizationRoot {

    /** The region name of STS's global endpoint, which AssumeRoot refuses. */
    public static final String GLOBAL_REGION = "aws-global";

    /** One AssumeRoot as CloudTrail records it: who asked (the request, or null for the service), on what. */
    public record AssumedRoot(String targetPrincipal, String taskPolicyArn, long durationSeconds,
            Attribution attribution) {
    }

    private final String managementAccount;
    private final Clock clock;
    private final Map<String, RootUserState> members = new HashMap<>();
    private final Set<OrganizationFeature> features = EnumSet.allOf(OrganizationFeature.class);
    private final List<AssumedRoot> assumed = new ArrayList<>();
    private String delegatedAdministrator;
    private String callerAccount;
    private String region;
    private int ids;

    /** An organization run from {@code managementAccount}, whose caller is that account, on a Regional endpoint. */
    public InMemoryOrganization(String managementAccount, Collection<String> memberAccounts, String region,
            Clock clock) {
        this.managementAccount = managementAccount;
        this.callerAccount = managementAccount;
        this.region = region;
        this.clock = clock;
        memberAccounts.forEach(member -> members.put(member, new RootUserState()));
    }

    @Override
    public synchronized Set<OrganizationFeature> enabledFeatures() {
        requireAdministrator("iam:ListOrganizationsFeatures");
        return Set.copyOf(features);
    }

    @Override
    public RootSession assumeRoot(String memberAccountId, RootTask task, Duration duration,
            Attribution attribution) {
        return assumeRoot(memberAccountId, task.policyArn(), duration.toSeconds(), attribution);
    }

    /** AssumeRoot with its raw parameters, as a caller could send them; refused as AWS refuses them. */
    public synchronized RootSession assumeRoot(String targetPrincipal, String taskPolicyArn, long durationSeconds,
            Attribution attribution) {
        if (region == null || GLOBAL_REGION.equals(region)) {
            throw new IamException.InvalidInput("AssumeRoot is not supported on the global STS endpoint; send it "
                    + "to a Regional endpoint");
        }
        requireAdministrator("sts:AssumeRoot");
        if (!features.containsAll(EnumSet.allOf(OrganizationFeature.class))) {
            throw new IamException.AccessDenied("centralized root access is not enabled for the organization: "
                    + "enabled features are " + features);
        }
        RootTask task = RootTask.ofArn(taskPolicyArn).orElseThrow(() -> new IamException.InvalidInput(
                "TaskPolicyArn " + taskPolicyArn + " is not one of the root task policies"));
        if (durationSeconds < 1 || durationSeconds > OrganizationRoot.MAX_SESSION.toSeconds()) {
            throw new IamException.InvalidInput("DurationSeconds must be between 1 and 900, not " + durationSeconds);
        }
        RootUserState root = members.get(targetPrincipal);
        if (root == null) {
            throw new IamException.AccessDenied("TargetPrincipal " + targetPrincipal + " is not a member account "
                    + "of the organization" + (managementAccount.equals(targetPrincipal)
                    ? " (root sessions on the management account itself are not allowed)" : ""));
        }
        assumed.add(new AssumedRoot(targetPrincipal, taskPolicyArn, durationSeconds, attribution));
        return new InMemoryRootSession(targetPrincipal, task, clock.instant().plusSeconds(durationSeconds), root,
                clock, this);
    }

    private void requireAdministrator(String action) {
        if (!callerAccount.equals(managementAccount) && !callerAccount.equals(delegatedAdministrator)) {
            throw new IamException.AccessDenied("AccountNotManagementOrDelegatedAdministrator: account "
                    + callerAccount + " may not call " + action);
        }
    }

    @Override
    public IamDirectory.Backend backend() {
        return new IamDirectory.Backend("memory", true, "sandbox organization of " + managementAccount);
    }

    // ---- the sandbox's controls, for tests and local runs

    /** Calls are made from {@code account} from now on (the management account at first). */
    public synchronized void callFrom(String account) {
        this.callerAccount = account;
    }

    public synchronized void delegateAdministration(String account) {
        this.delegatedAdministrator = account;
    }

    /** Calls go to this region's STS ({@link #GLOBAL_REGION} for the global endpoint). */
    public synchronized void useRegion(String region) {
        this.region = region;
    }

    public synchronized void enable(OrganizationFeature feature) {
        features.add(feature);
    }

    public synchronized void disable(OrganizationFeature feature) {
        features.remove(feature);
    }

    /** Every AssumeRoot so far, in order. */
    public synchronized List<AssumedRoot> assumed() {
        return List.copyOf(assumed);
    }

    /** Gives the member account's root user a console password. */
    public synchronized void giveRootPassword(String member) {
        root(member).password = new LoginProfile(clock.instant(), false);
    }

    /** Gives the member account's root user an access key; its id. */
    public synchronized String giveRootAccessKey(String member) {
        String id = IamIds.accessKeyId();
        root(member).keys.add(new AccessKey(id, AccessKey.Status.ACTIVE, clock.instant()));
        return id;
    }

    /** Gives the member account's root user an MFA device; its serial number. */
    public synchronized String giveRootMfaDevice(String member) {
        String serial = "arn:aws:iam::" + member + ":mfa/root-account-mfa-device-" + (++ids);
        root(member).mfaDevices.add(new MfaDevice(serial, clock.instant()));
        return serial;
    }

    /** Gives the member account's root user a signing certificate; its id. */
    public synchronized String giveRootSigningCertificate(String member) {
        String id = IamIds.signingCertificateId();
        root(member).certificates.add(id);
        return id;
    }

    /** Whether the member account's root user has a console password now. */
    public synchronized Optional<LoginProfile> rootPassword(String member) {
        return Optional.ofNullable(root(member).password);
    }

    private RootUserState root(String member) {
        RootUserState root = members.get(member);
        if (root == null) {
            throw new IllegalArgumentException(member + " is not a member account of the sandbox organization");
        }
        return root;
    }
}
