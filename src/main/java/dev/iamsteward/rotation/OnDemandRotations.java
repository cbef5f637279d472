package dev.iamsteward.rotation;

import dev.iamsteward.account.TargetAccounts;
import dev.iamsteward.common.ErrorKind;
import dev.iamsteward.common.StewardException;
import dev.iamsteward.iam.AccessKey;
import dev.iamsteward.iam.IamDirectory;
import dev.iamsteward.iam.IamUser;
import dev.iamsteward.request.AccessRequest;
import dev.iamsteward.request.KeyRotations;
import dev.iamsteward.request.Requests;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Rotations ordered by a ROTATE_ACCESS_KEY request: the planner asks here whether the key may be rotated, and
 * execution starts the rotation, at once and whatever the key's age, under the policy that matches the user.
 */
@ApplicationScoped
public class OnDemandRotations implements KeyRotations {

    private final TargetAccounts accounts;
    private final RotationPolicies policies;
    private final RotationSteps steps;

    OnDemandRotations(TargetAccounts accounts, RotationPolicies policies, RotationSteps steps) {
        this.accounts = accounts;
        this.policies = policies;
        this.steps = steps;
    }

    /**
     * A key with a rotation under way is refused, and so is one whose rollback has not reactivated it yet; once
     * its rotations have ended (done, failed, or rolled back and reactivated), a key may be rotated again.
     */
    @Override
    public Optional<String> whyNotRotatable(String accessKeyId) {
        return QuarkusTransaction.joiningExisting().call(() -> holding(KeyRotation.list(
                "oldKeyId = ?1 order by startedAt desc, id desc", accessKeyId)))
                .map(why -> "access key " + accessKeyId + why);
    }

    /** Why the key's rotations, newest first, still hold it, if they do. */
    private static Optional<String> holding(List<KeyRotation> rotations) {
        Optional<KeyRotation> open = rotations.stream().filter(r -> !r.status.settled()).findFirst();
        if (open.isPresent()) {
            return Optional.of(" is already being rotated (rotation " + open.get().id + ", " + open.get().status
                    + ")");
        }
        KeyRotation latest = rotations.isEmpty() ? null : rotations.get(0);
        if (latest != null && latest.status == RotationStatus.ROLLED_BACK && latest.stepRequestId != null) {
            AccessRequest reactivation = Requests.find(latest.stepRequestId).orElse(null);
            if (reactivation != null && !reactivation.status.terminal()) {
                return Optional.of(" is being reactivated by request " + reactivation.id + ", which rolls back "
                        + "rotation " + latest.id + "; rotate it once that request has ended");
            }
        }
        return Optional.empty();
    }

    /**
     * Starts the rotation the request ordered; run again after a crash, it finds the rotation already there.
     * Fails the request when the key is gone or a rotation of it began since the plan was checked.
     */
    @Override
    public void start(UUID requestId, String account, String userName, String accessKeyId) {
        if (QuarkusTransaction.requiringNew().call(() -> KeyRotation.count("orderedBy", requestId)) > 0) {
            return;
        }
        whyNotRotatable(accessKeyId).ifPresent(why -> {
            throw new StewardException(ErrorKind.ALREADY_ROTATING, why);
        });
        IamDirectory iam = accounts.get(account).directory();
        IamUser user = iam.findUser(userName).orElseThrow(() -> StewardException.notFound("Managed user",
                userName));
        List<AccessKey> keys = iam.listAccessKeys(userName);
        AccessKey old = keys.stream().filter(k -> k.accessKeyId().equals(accessKeyId)).findFirst()
                .orElseThrow(() -> new StewardException(ErrorKind.UNKNOWN_ACCESS_KEY, "'" + userName
                        + "' no longer has access key " + accessKeyId));
        RotationPolicy policy = policies.choose(new UserFacts(accounts.get(account), userName, user.path()));
        QuarkusTransaction.requiringNew().run(() -> steps.start(account, userName, old, keys, policy, requestId, null));
    }
}
