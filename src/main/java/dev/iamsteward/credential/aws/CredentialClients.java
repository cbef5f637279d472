package dev.iamsteward.credential.aws;

import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.KmsClientBuilder;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClientBuilder;

/** Builds the KMS and Secrets Manager clients from configuration, over the JDK's HTTP client. */
final class CredentialClients {

    private CredentialClients() {
    }

    static KmsClient kms(KmsConfig config) {
        KmsClientBuilder builder = KmsClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(config.region()));
        config.endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    static SecretsManagerClient secretsManager(SecretsManagerConfig config) {
        SecretsManagerClientBuilder builder = SecretsManagerClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(config.region()));
        config.endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }
}
