package dev.iamsteward.iam.memory;

import dev.iamsteward.common.Secret;
import dev.iamsteward.iam.IamException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * How long a new access key takes to reach STS: AWS answers InvalidClientTokenId for a key for some checks or some
 * time after it was made. Keeps a digest of each key's secret, never the secret, to tell a wrong one. Guarded by
 * the directory's lock.
 */
final class KeyPropagation {

    /** A key the sandbox made: the digest of its secret, when it was made, and the checks it has refused so far. */
    private static final class Made {
        private final byte[] secretDigest;
        private final Instant at;
        private int refused;

        private Made(byte[] secretDigest, Instant at) {
            this.secretDigest = secretDigest;
            this.at = at;
        }
    }

    private final Map<String, Made> made = new HashMap<>();
    private int refusedChecks;
    private Duration delay = Duration.ZERO;

    /** New keys refuse their first {@code checks} checks and every check within {@code delay} of being made. */
    void delay(int checks, Duration delay) {
        this.refusedChecks = checks;
        this.delay = delay;
    }

    void made(String accessKeyId, Secret secret, Instant at) {
        made.put(accessKeyId, new Made(digest(secret), at));
    }

    void forget(String accessKeyId) {
        made.remove(accessKeyId);
    }

    void clear() {
        made.clear();
        delay(0, Duration.ZERO);
    }

    /** Refuses a check as STS would: an unknown key or one not yet spread, and a secret that does not match. */
    void check(String accessKeyId, Secret secret, Instant now) {
        Made key = made.get(accessKeyId);
        if (key == null) {
            throw notAuthenticating("InvalidClientTokenId", "The security token included in the request is invalid.");
        }
        if (key.refused < refusedChecks || now.isBefore(key.at.plus(delay))) {
            key.refused++;
            throw notAuthenticating("InvalidClientTokenId", "The security token included in the request is invalid.");
        }
        if (!MessageDigest.isEqual(key.secretDigest, digest(secret))) {
            throw notAuthenticating("SignatureDoesNotMatch", "The request signature we calculated does not match the "
                    + "signature you provided.");
        }
    }

    static IamException.KeyNotAuthenticating notAuthenticating(String code, String message) {
        return new IamException.KeyNotAuthenticating(code, message);
    }

    private static byte[] digest(Secret secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.reveal().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
