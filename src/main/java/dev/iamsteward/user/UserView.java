package dev.iamsteward.user;

import dev.iamsteward.iam.AccessKey;
import dev.iamsteward.iam.AccessKeyUsage;
import dev.iamsteward.iam.IamUser;
import dev.iamsteward.iam.LoginProfile;
import dev.iamsteward.iam.MfaDevice;
import dev.iamsteward.request.AccessRequest;
import dev.iamsteward.request.RequestStatus;
import dev.iamsteward.request.RequestType;
import dev.iamsteward.rotation.RotationView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A managed IAM user as IAM reports it now: its credentials, MFA devices and permissions, what looks risky
 * about it, and the requests of this service that concern it, newest first.
 */
public record UserView(
        String account,
        String userName,
        String userId,
        String arn,
        String path,
        Instant createdAt,
        String owner,
        Instant expiresAt,
        String createdByRequest,
        Map<String, String> tags,
        String permissionsBoundaryArn,
        List<String> groups,
        List<String> attachedPolicyArns,
        List<String> inlinePolicyNames,
        List<AccessKeyView> accessKeys,
        ConsoleAccess console,
        List<MfaDeviceView> mfaDevices,
        boolean consoleWithoutMfa,
        List<String> warnings,
        List<RequestRef> requests) {

    static final String CONSOLE_WITHOUT_MFA = "console access without an MFA device";

    /** What IAM says about the user's permissions, read with one call each. */
    record Permissions(List<String> groups, List<String> attachedPolicyArns, List<String> inlinePolicyNames) {
    }

    static UserView of(String account, IamUser user, Permissions permissions, List<AccessKeyView> keys,
            Optional<LoginProfile> loginProfile, List<MfaDevice> mfaDevices, List<RequestRef> requests) {
        ConsoleAccess console = ConsoleAccess.of(loginProfile);
        boolean consoleWithoutMfa = console.enabled() && mfaDevices.isEmpty();
        Map<String, String> tags = user.tags();
        return new UserView(account, user.userName(), user.userId(), user.arn(), user.path(), user.createDate(),
                ManagedTags.owner(tags), ManagedTags.expiresAt(tags), ManagedTags.createdByRequest(tags), tags,
                user.permissionsBoundaryArn(), List.copyOf(permissions.groups()),
                List.copyOf(permissions.attachedPolicyArns()), List.copyOf(permissions.inlinePolicyNames()),
                List.copyOf(keys), console, mfaDevices.stream().map(MfaDeviceView::of).toList(), consoleWithoutMfa,
                consoleWithoutMfa ? List.of(CONSOLE_WITHOUT_MFA) : List.of(), List.copyOf(requests));
    }

    /**
     * An access key (never its secret), when it was last used, and its latest rotation: the one under way if
     * there is one (null for a key never rotated).
     */
    public record AccessKeyView(String accessKeyId, AccessKey.Status status, Instant createdAt, LastUse lastUsed,
            RotationView rotation) {

        static AccessKeyView of(AccessKey key, AccessKeyUsage usage, RotationView rotation) {
            return new AccessKeyView(key.accessKeyId(), key.status(), key.createDate(), LastUse.of(usage), rotation);
        }
    }

    /**
     * The last request signed with a key; {@code at} is null when it was never used. IAM's "N/A" for an
     * unknown service or region is shown as null.
     */
    public record LastUse(Instant at, String serviceName, String region) {

        private static final String NOT_AVAILABLE = "N/A";

        static LastUse of(AccessKeyUsage usage) {
            return new LastUse(usage.lastUsed(), known(usage.serviceName()), known(usage.region()));
        }

        private static String known(String value) {
            return value == null || NOT_AVAILABLE.equals(value) ? null : value;
        }
    }

    /** The user's console password (its login profile); {@code enabled} is false when it has none. */
    public record ConsoleAccess(boolean enabled, Instant createdAt, boolean passwordResetRequired) {

        static ConsoleAccess of(Optional<LoginProfile> profile) {
            return profile.map(p -> new ConsoleAccess(true, p.createDate(), p.passwordResetRequired()))
                    .orElse(new ConsoleAccess(false, null, false));
        }
    }

    /** An MFA device assigned to the user: its serial (an ARN for virtual devices) and when it was enabled. */
    public record MfaDeviceView(String serialNumber, Instant enabledAt) {

        static MfaDeviceView of(MfaDevice device) {
            return new MfaDeviceView(device.serialNumber(), device.enableDate());
        }
    }

    /** A request of this service about the user. */
    public record RequestRef(UUID id, RequestType type, RequestStatus status, Instant createdAt) {

        static RequestRef of(AccessRequest request) {
            return new RequestRef(request.id, request.type, request.status, request.createdAt);
        }
    }
}
