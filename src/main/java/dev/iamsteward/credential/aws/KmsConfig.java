package dev.iamsteward.credential.aws;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.util.Optional;

/** How secrets' data keys are wrapped with a key in AWS KMS rather than with a local key. */
@ConfigMapping(prefix = "steward.credentials.kms")
public interface KmsConfig {

    /**
     * The KMS key that wraps every data key: a key id, key ARN or alias ({@code alias/...}). It is recorded
     * beside each sealed secret, so changing it strands the secrets still waiting for their owner.
     */
    Optional<String> keyId();

    /** KMS endpoint override, e.g. a VPC endpoint or an emulator; the regional endpoint when absent. */
    Optional<URI> endpoint();

    /** Region of the key, and the signing region when the endpoint is overridden. */
    @WithDefault("us-east-1")
    String region();
}
