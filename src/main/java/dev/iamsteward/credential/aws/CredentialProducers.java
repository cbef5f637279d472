package dev.iamsteward.credential.aws;

import dev.iamsteward.credential.CredentialConfig;
import dev.iamsteward.credential.KeyEncryptionKey;
import dev.iamsteward.credential.LocalKeyEncryptionKey;
import dev.iamsteward.credential.SecretSink;
import io.opentelemetry.api.OpenTelemetry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.LaunchMode;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Chooses, from configuration, the key-encryption key (KMS or local)
 * and whether secrets also go to Secrets Manager.
 */
public class CredentialProducers {

    @Produces
    @Singleton
    KeyEncryptionKey keyEncryptionKey(KmsConfig kms, CredentialConfig credentials, OpenTelemetry telemetry) {
        if (kms.keyId().isPresent()) {
            Log.infof("Secrets are wrapped with KMS key %s", kms.keyId().get());
            return KmsKeyEncryptionKey.from(kms, telemetry);
        }
        if (LaunchMode.current() == LaunchMode.NORMAL && credentials.localKey().isEmpty()) {
            throw new IllegalStateException("Set steward.credentials.kms.key-id (or steward.credentials.local-key): "
                    + "a key made at start would lose every unread secret at restart and differ between replicas");
        }
        return new LocalKeyEncryptionKey(credentials);
    }

    void closeKeyEncryptionKey(@Disposes KeyEncryptionKey kek) {
        if (kek instanceof KmsKeyEncryptionKey kms) {
            kms.close();
        }
    }

    @Produces
    @Singleton
    SecretSink secretSink(SecretsManagerConfig config, OpenTelemetry telemetry) {
        if (!config.enabled()) {
            return SecretSink.NONE;
        }
        SecretsManagerSink sink = SecretsManagerSink.from(config, telemetry);
        return sink::write;
    }
}
