package dev.iamsteward.rotation;

import dev.iamsteward.common.ErrorKind;
import dev.iamsteward.common.StewardException;
import dev.iamsteward.iam.AccessKey;
import dev.iamsteward.iam.IamDirectory;
import dev.iamsteward.iam.TargetAccounts;
import dev.iamsteward.iam.IamUser;
import dev.iamsteward.request.KeyRotations;
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

    /** One rotation per key, ever: a key in rotation, or whose rotation failed or was rolled back, is refused. */
    @Override
    public Optional<String> whyNotRotatable(String accessKeyId) {
        return QuarkusTransaction.joiningExisting().call(() -> KeyRotation.<KeyRotation>find("oldKeyId",
                accessKeyId).firstResultOptional().map(r -> "access key " + accessKeyId + (r.status.settled()
                ? " already had a rotation, which ended " + r.status + "; a key is rotated once"
                : " is already being rotated (rotation " + r.id + ", " + r.status + ")")));
    }

    /**
     * Starts the rotation the request ordered; run again after a crash, it finds the rotation already there.
     * Fails the request when the key is gone or a rotation of it began since the plan was checked.
     */
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
        QuarkusTransaction.requiringNew().run(() -> steps.start(account, userName, old, keys, policy, requestId));
    }
}
