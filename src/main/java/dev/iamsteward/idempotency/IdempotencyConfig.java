package dev.iamsteward.idempotency;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How retries with an {@code Idempotency-Key} are recognised, and how long their responses are kept. */
@ConfigMapping(prefix = "steward.idempotency")
public interface IdempotencyConfig {

    /** How long a key and its response are kept; after that the key is unknown and may be used again. */
    @WithDefault("24h")
    Duration retention();

    /**
     * How long a first attempt may hold its key before a retry takes it over. An attempt this old has died
     * with its process: keep it above the transaction timeout (60s by default), so that its transaction, and
     * with it anything the attempt did, has certainly rolled back.
     */
    @WithDefault("5m")
    Duration inFlightTimeout();

    /**
     * The {@code Retry-After} given to a retry that arrives while the first attempt is still running; also how often
     * a replica tries again to release the keys of attempts that failed because the database could not be reached.
     */
    @WithDefault("1s")
    Duration retryAfter();

    /** How often keys past their retention are deleted (a Quarkus scheduler interval). */
    @WithDefault("1h")
    String expirySweep();
}
