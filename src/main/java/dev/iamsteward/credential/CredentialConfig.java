package dev.iamsteward.credential;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** How secrets (new access keys, passwords, MFA seeds) are kept until their owner fetches them, once. */
@ConfigMapping(prefix = "steward.credentials")
public interface CredentialConfig {

    /** How long a secret waits for its owner before it is destroyed unread. */
    @WithDefault("24h")
    Duration deliveryTtl();

    /**
     * The local key-encryption key, 32 bytes in Base64, that wraps each secret's data key. When absent, a
     * random key is made at start: secrets not yet fetched do not survive a restart.
     */
    Optional<String> localKey();

    /** How often unread secrets past their time are destroyed (a Quarkus scheduler interval). */
    @WithDefault("1m")
    String expirySweep();

    /** Length of generated console passwords (at least the account policy's minimum). */
    @WithDefault("24")
    int passwordLength();
}
