package dev.iamsteward.request;

import dev.iamsteward.account.Catalog;
import dev.iamsteward.account.IamConfig;
import dev.iamsteward.account.TargetAccount;
import dev.iamsteward.account.TargetAccounts;
import dev.iamsteward.common.ErrorKind;
import dev.iamsteward.common.StewardException;
import dev.iamsteward.iam.AccessKey;
import dev.iamsteward.iam.IamDirectory;
import dev.iamsteward.iam.IamNames;
import dev.iamsteward.iam.IamUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Checks a submission against the guard rails and IAM's current state, and computes its dry-run plan: the
 * exact IAM calls execution will make, in order. Whatever IAM would refuse is refused here, before approval.
 */
@ApplicationScoped
public class RequestPlanner {

    /** Tags the service puts on every user it creates, so that it can recognise its own work. */
    public static final String TAG_PREFIX = "iam-steward:";
    public static final String REQUEST_TAG = TAG_PREFIX + "request-id";
    public static final String REQUESTER_TAG = TAG_PREFIX + "requester";
    public static final String OWNER_TAG = TAG_PREFIX + "owner";
    public static final String EXPIRES_TAG = TAG_PREFIX + "expires-at";
    static final int USER_TAGS_MAX = IamNames.TAGS_MAX - 4;
    /** The AWS managed policy the console attaches so that a user can change their own password. */
    public static final String CHANGE_PASSWORD_POLICY = "arn:aws:iam::aws:policy/IAMUserChangePassword";
    static final int KEYS_PER_USER = 2;
    /** What gives a user credentials of its own: only for users under the configured boundary. */
    private static final Set<RequestType> GIVES_CREDENTIALS = EnumSet.of(RequestType.CREATE_ACCESS_KEY,
            RequestType.REACTIVATE_ACCESS_KEY, RequestType.GRANT_CONSOLE_ACCESS, RequestType.ENROL_MFA);

    /** The requests the service files itself for a user it knows: a rotation's new key and its old key's end. */
    private static final Set<RequestType> KNOWN_TYPES = EnumSet.of(RequestType.CREATE_ACCESS_KEY,
            RequestType.DEACTIVATE_ACCESS_KEY, RequestType.DELETE_ACCESS_KEY);
    static final int MANAGED_POLICIES_PER_USER = 10;

    private final TargetAccounts accounts;
    private final Catalog catalog;
    private final Clock clock;
    private final EntityManager em;
    private final KeyRotations rotations;
    private final boolean credentialsNeedBoundary;
    private final RootUserPlan rootUsers;

    RequestPlanner(TargetAccounts accounts, Catalog catalog, Clock clock, EntityManager em, KeyRotations rotations,
            IamConfig iam, RootUserPlan rootUsers) {
        this.rootUsers = rootUsers;
        this.rotations = rotations;
        this.credentialsNeedBoundary = iam.credentialsNeedBoundary();
        this.em = em;
        this.accounts = accounts;
        this.catalog = catalog;
        this.clock = clock;
    }

    /**
     * How IAM's state now differs from what the request's plan was made against, if it does: the plan made
     * now is compared with the approved one, and a request IAM would now refuse is a difference too.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<String> drift(UUID requestId) {
        AccessRequest request = em.find(AccessRequest.class, requestId);
        List<PlannedCall> approved = request.plan;
        String approvedOwner = request.owner;
        em.detach(request);
        try {
            plan(request);
        } catch (StewardException e) {
            return Optional.of("it would now be refused: " + e.getMessage());
        }
        if (!Objects.equals(approvedOwner, request.owner)) {
            return Optional.of("the user's owner, who would receive its secrets, was " + approvedOwner
                    + " and is now " + request.owner);
        }
        return PlanDifference.between(approved, request.plan);
    }

    /**
     * Fills in the request's plan, and what it learns from IAM on the way (path, owner, the user's ARN), all in
     * the request's own account.
     */
    void plan(AccessRequest request) {
        plan(request, null);
    }

    /**
     * As {@link #plan(AccessRequest)}; for an access key's creation or change, {@code known} (when given) stands in
     * for reading the user and listing its keys.
     */
    void plan(AccessRequest request, KnownUser known) {
        TargetAccount target = accounts.stored(request.account);
        IamDirectory iam = target.directory();
        request.planNotes = new ArrayList<>();
        if (request.expiresAt != null && !request.expiresAt.isAfter(clock.instant())) {
            throw StewardException.invalid("expiresAt must be in the future");
        }
        if (request.type == RequestType.CREATE_USER) {
            request.plan = PlanStep.stored(planCreateUser(target, request));
            return;
        }
        if (request.type.concernsRootUser()) {
            request.plan = rootUsers.plan(request);
            return;
        }
        Supplier<List<AccessKey>> keys = () -> iam.listAccessKeys(request.userName);
        if (known != null && KNOWN_TYPES.contains(request.type)) {
            request.userArn = known.arn();
            request.owner = known.owner();
            request.plan = PlanStep.stored(request.type == RequestType.CREATE_ACCESS_KEY
                    ? planCreateKey(known::keys, request) : planKeyChange(known::keys, request));
            return;
        }
        IamUser user = managedUser(target, request.userName);
        request.userArn = user.arn();
        request.owner = user.tags().get(OWNER_TAG);
        requireBoundary(target, user, request.type);
        if (request.type.grants() && SuspensionPlan.currentSuspension(user).isPresent()) {
            throw StewardException.conflict("'" + request.userName + "' is suspended; restore it before granting "
                    + "anything");
        }
        request.plan = PlanStep.stored(planFor(target, user, request, keys));
    }

    private List<PlanStep> planFor(TargetAccount target, IamUser user, AccessRequest request,
            Supplier<List<AccessKey>> keys) {
        IamDirectory iam = target.directory();
        return switch (request.type) {
            case GRANT_CONSOLE_ACCESS -> planGrantConsole(iam, request);
            case REVOKE_CONSOLE_ACCESS -> planRevokeConsole(iam, request);
            case CREATE_ACCESS_KEY -> planCreateKey(keys, request);
            case DEACTIVATE_ACCESS_KEY, REACTIVATE_ACCESS_KEY, DELETE_ACCESS_KEY -> planKeyChange(keys, request);
            case ROTATE_ACCESS_KEY -> planRotateKey(iam, request);
            case ADD_TO_GROUP, REMOVE_FROM_GROUP, ATTACH_POLICY, DETACH_POLICY ->
                    ProfilePlan.of(iam, request, catalog.profile(target.settings(), request.profile));
            case ENROL_MFA -> MfaPlan.enrol(iam, request, target.managedPath());
            case REMOVE_MFA -> MfaPlan.remove(iam, request);
            case SUSPEND_USER -> SuspensionPlan.suspend(iam, request, user);
            case RESTORE_USER -> SuspensionPlan.restore(iam, request, user);
            case OFFBOARD_USER -> OffboardingPlan.of(iam, request.userName, request.planNotes::add);
            case CREATE_USER, DELETE_ROOT_CREDENTIALS, ALLOW_ROOT_PASSWORD_RECOVERY ->
                    throw new IllegalStateException("planned above");
        };
    }

    private static List<PlanStep> planCreateUser(TargetAccount target, AccessRequest request) {
        String managedPath = target.managedPath();
        request.path = request.path == null ? managedPath : request.path;
        if (!IamNames.isPath(request.path)) {
            throw StewardException.invalid("path must start and end with '/' and contain only printable ASCII");
        }
        if (!request.path.startsWith(managedPath)) {
            throw StewardException.invalid("path must be under the managed path " + managedPath);
        }
        Map<String, String> tags = UserTags.forNewUser(request);
        if (target.directory().findUser(request.userName).isPresent()) {
            throw new StewardException(ErrorKind.USER_EXISTS,
                    "IAM already has a user named '" + request.userName + "' (names are case-insensitive)");
        }
        return List.of(new PlanStep.CreateUser(request.userName, request.path,
                target.settings().permissionsBoundaryArn(), tags));
    }

    private static List<PlanStep> planGrantConsole(IamDirectory iam, AccessRequest request) {
        requireOwner(request);
        if (iam.findLoginProfile(request.userName).isPresent()) {
            throw StewardException.conflict("'" + request.userName + "' already has console access");
        }
        PlanStep profile = new PlanStep.CreateLoginProfile(request.userName, true);
        List<String> attached = iam.listAttachedUserPolicies(request.userName);
        if (attached.contains(CHANGE_PASSWORD_POLICY)) {
            return List.of(profile);
        }
        if (attached.size() >= MANAGED_POLICIES_PER_USER) {
            throw new StewardException(ErrorKind.QUOTA_EXCEEDED, "'" + request.userName + "' already has "
                    + MANAGED_POLICIES_PER_USER + " managed policies; IAMUserChangePassword cannot be attached");
        }
        return List.of(profile, new PlanStep.AttachUserPolicy(request.userName, CHANGE_PASSWORD_POLICY));
    }

    private static List<PlanStep> planRevokeConsole(IamDirectory iam, AccessRequest request) {
        if (iam.findLoginProfile(request.userName).isEmpty()) {
            throw StewardException.conflict("'" + request.userName + "' has no console access");
        }
        return List.of(new PlanStep.DeleteLoginProfile(request.userName));
    }

    private static List<PlanStep> planCreateKey(Supplier<List<AccessKey>> listing, AccessRequest request) {
        requireOwner(request);
        List<AccessKey> keys = listing.get();
        if (keys.size() >= KEYS_PER_USER) {
            throw new StewardException(ErrorKind.QUOTA_EXCEEDED, "'" + request.userName + "' already has "
                    + KEYS_PER_USER + " access keys, IAM's limit; delete one first");
        }
        return List.of(new PlanStep.CreateAccessKey(request.userName,
                keys.stream().map(AccessKey::accessKeyId).toList()));
    }

    private static List<PlanStep> planKeyChange(Supplier<List<AccessKey>> listing, AccessRequest request) {
        if (request.accessKeyId == null) {
            throw StewardException.invalid("accessKeyId is required for " + request.type);
        }
        AccessKey key = listing.get().stream()
                .filter(k -> k.accessKeyId().equals(request.accessKeyId)).findFirst()
                .orElseThrow(() -> StewardException.notFound("Access key of user " + request.userName,
                        request.accessKeyId));
        if (request.type == RequestType.DELETE_ACCESS_KEY) {
            return List.of(new PlanStep.DeleteAccessKey(request.userName, key.accessKeyId()));
        }
        AccessKey.Status target = request.type == RequestType.DEACTIVATE_ACCESS_KEY
                ? AccessKey.Status.INACTIVE : AccessKey.Status.ACTIVE;
        if (key.status() == target) {
            throw StewardException.conflict("access key " + key.accessKeyId() + " is already " + target);
        }
        return List.of(new PlanStep.UpdateAccessKey(request.userName, key.accessKeyId(), target));
    }

    /**
     * One step that starts the key's rotation: the rotation then files its own steps (a new key, and later the
     * old key's deactivation and deletion), each approved under the service's key-rotation rule.
     */
    private List<PlanStep> planRotateKey(IamDirectory iam, AccessRequest request) {
        requireOwner(request);
        if (request.accessKeyId == null) {
            throw StewardException.invalid("accessKeyId is required for " + request.type);
        }
        if (iam.listAccessKeys(request.userName).stream().noneMatch(k -> k.accessKeyId().equals(request.accessKeyId))) {
            throw new StewardException(ErrorKind.UNKNOWN_ACCESS_KEY, "'" + request.userName + "' has no access key "
                    + request.accessKeyId);
        }
        rotations.whyNotRotatable(request.accessKeyId).ifPresent(why -> {
            throw new StewardException(ErrorKind.ALREADY_ROTATING, why);
        });
        return List.of(new PlanStep.StartKeyRotation(request.userName, request.accessKeyId));
    }

    /** A user under the managed path; users elsewhere do not exist as far as requests go. */
    private static IamUser managedUser(TargetAccount target, String userName) {
        return target.directory().findUser(userName).filter(u -> u.path().startsWith(target.managedPath()))
                .orElseThrow(() -> StewardException.notFound("Managed user", userName));
    }

    /**
     * Keys, console access and MFA go only to users under the configured permissions boundary: IAM has no boundary
     * condition key for those actions, so a user someone placed under the managed path without it would otherwise
     * get credentials with nothing capping them. Checked at submission and again before executing.
     */
    private void requireBoundary(TargetAccount target, IamUser user, RequestType type) {
        String boundary = target.settings().permissionsBoundaryArn();
        if (credentialsNeedBoundary && GIVES_CREDENTIALS.contains(type)
                && !boundary.equals(user.permissionsBoundaryArn())) {
            throw new StewardException(ErrorKind.BOUNDARY_MISSING, "'" + user.userName() + "' has "
                    + (user.permissionsBoundaryArn() == null ? "no permissions boundary"
                            : "the permissions boundary " + user.permissionsBoundaryArn())
                    + ", not " + boundary + ", so it gets no keys, console access or MFA through this service; "
                    + "offboard it, or have an account administrator put the boundary back");
        }
    }

    private static void requireOwner(AccessRequest request) {
        if (request.owner == null) {
            throw StewardException.conflict("'" + request.userName + "' has no owner tag, so there is nobody to "
                    + "hand its secret to");
        }
    }

}
