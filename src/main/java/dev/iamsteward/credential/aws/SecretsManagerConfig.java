package dev.iamsteward.credential.aws;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.util.Optional;

/** Whether and where delivered secrets are also written to AWS Secrets Manager for the IAM user they belong to. */
@ConfigMapping(prefix = "steward.credentials.secrets-manager")
public interface SecretsManagerConfig {

    /** Whether delivered secrets are also written to Secrets Manager, readable only by their IAM user. */
    @WithDefault("false")
    boolean enabled();

    /** Start of every secret's name; the rest is {@code <user>/<kind>[/<label>]}. */
    @WithDefault("iam-steward/")
    String namePrefix();

    /**
     * KMS key (id, ARN or alias) that encrypts new secrets; Secrets Manager's AWS managed key when absent. With
     * a customer managed key, its key policy must also let each user decrypt through Secrets Manager.
     */
    Optional<String> kmsKeyId();

    /** Secrets Manager endpoint override, e.g. a VPC endpoint or an emulator; the regional one when absent. */
    Optional<URI> endpoint();

    /** Region the secrets live in, and the signing region when the endpoint is overridden. */
    @WithDefault("us-east-1")
    String region();
}
