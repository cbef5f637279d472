package dev.iamsteward.iam;

import dev.iamsteward.common.Secret;
import java.time.Duration;
import java.util.Locale;

/**
 * Checks that a new access key authenticates as the user it was made for: GetCallerIdentity signed with the key,
 * repeated with doubling waits while AWS does not yet accept it, within {@link KeyProofConfig}'s bounds. Other IAM
 * failures are not retried here; they reach the caller as they are.
 */
public final class KeyProver {

    /** Waits between two checks; the tests' replaces the real one. */
    @FunctionalInterface
    public interface Pause {
        /** Real waiting, on the calling thread. */
        Pause SLEEP = wait -> Thread.sleep(wait.toMillis());

        void pause(Duration wait) throws InterruptedException;
    }

    /** The user a key must authenticate as: its name, and its ARN and account when known. */
    public record Owner(String userName, String userArn, String accountId) {
    }

    /** How a proof run ended. */
    public sealed interface Outcome {
        /** GetCallerIdentity calls made in this run. */
        int checks();
    }

    /** The key authenticated as its owner on the {@code checks}th call. */
    public record Proven(int checks, String arn) implements Outcome {
    }

    /** AWS still refused the key ({@code code}) when the run's attempts or budget were spent. */
    public record NotYet(int checks, Duration waited, String code) implements Outcome {
    }

    /** The key authenticated, but as someone other than its owner: it must never be trusted. */
    public record WrongIdentity(int checks, String arn) implements Outcome {
    }

    private final KeyProofConfig config;
    private final Pause pause;

    public KeyProver(KeyProofConfig config, Pause pause) {
        this.config = config;
        this.pause = pause;
    }

    /** Runs one bounded proof of the key {@code accessKeyId} against {@code iam}. */
    public Outcome prove(IamDirectory iam, String accessKeyId, Secret secret, Owner owner) {
        Duration waited = Duration.ZERO;
        Duration next = config.firstDelay();
        int checks = 0;
        while (true) {
            checks++;
            String refused;
            try {
                CallerIdentity identity = iam.callerIdentity(accessKeyId, secret);
                return isOwner(identity, owner) ? new Proven(checks, identity.arn())
                        : new WrongIdentity(checks, identity.arn());
            } catch (IamException.KeyNotAuthenticating e) {
                refused = e.code();
            }
            if (checks >= config.attempts() || waited.plus(next).compareTo(config.budget()) > 0) {
                return new NotYet(checks, waited, refused);
            }
            try {
                pause.pause(next);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new NotYet(checks, waited, refused);
            }
            waited = waited.plus(next);
            next = min(next.multipliedBy(2), config.maxDelay());
        }
    }

    /**
     * The answer names the owner: its exact ARN when known; otherwise an IAM user ARN of the account, whose last path
     * segment is the user's name (IAM compares names case-insensitively).
     */
    static boolean isOwner(CallerIdentity identity, Owner owner) {
        String arn = identity.arn();
        if (arn == null) {
            return false;
        }
        if (owner.userArn() != null) {
            return arn.equals(owner.userArn());
        }
        if (owner.accountId() != null && !owner.accountId().equals(identity.account())) {
            return false;
        }
        int user = arn.indexOf(":user/");
        return user > 0 && arn.startsWith("arn:aws") && arn.substring(0, user).contains(":iam::")
                && arn.substring(arn.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT)
                        .equals(owner.userName().toLowerCase(Locale.ROOT));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** A prover that waits on the calling thread. */
    public static KeyProver sleeping(KeyProofConfig config) {
        return new KeyProver(config, Pause.SLEEP);
    }
}
