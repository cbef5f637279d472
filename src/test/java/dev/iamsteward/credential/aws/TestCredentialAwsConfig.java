package dev.iamsteward.credential.aws;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;

/** The credential adapters' configuration built by SmallRye Config from properties, as the application builds it. */
final class TestCredentialAwsConfig {

    private TestCredentialAwsConfig() {
    }

    /** {@code steward.credentials.kms.*} from {@code properties}, the rest defaulted. */
    static KmsConfig kms(Map<String, String> properties) {
        return mapping(KmsConfig.class, properties);
    }

    /** {@code steward.credentials.secrets-manager.*} from {@code properties}, the rest defaulted. */
    static SecretsManagerConfig secretsManager(Map<String, String> properties) {
        return mapping(SecretsManagerConfig.class, properties);
    }

    private static <T> T mapping(Class<T> type, Map<String, String> properties) {
        return new SmallRyeConfigBuilder()
                .withMapping(type)
                .withSources(new PropertiesConfigSource(properties, "credential-adapter-test", 500))
                .build()
                .getConfigMapping(type);
    }
}
