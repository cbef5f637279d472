package dev.iamsteward.credential.aws;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.instrumentation.awssdk.v2_2.AwsSdkTelemetry;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.KmsClientBuilder;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClientBuilder;

/**
 * Builds the KMS and Secrets Manager clients from configuration, over the JDK's HTTP client, each call a span
 * (with AWS's request id) in the trace of the delivery that made it.
 */
final class CredentialClients {

    private CredentialClients() {
    }

    static KmsClient kms(KmsConfig config, OpenTelemetry telemetry) {
        KmsClientBuilder builder = KmsClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(c -> c.addExecutionInterceptor(tracing(telemetry)))
                .region(Region.of(config.region()));
        config.endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    static SecretsManagerClient secretsManager(SecretsManagerConfig config, OpenTelemetry telemetry) {
        SecretsManagerClientBuilder builder = SecretsManagerClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(c -> c.addExecutionInterceptor(tracing(telemetry)))
                .region(Region.of(config.region()));
        config.endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /** OpenTelemetry's instrumentation of the SDK: service, operation, status and request id; no bodies. */
    private static ExecutionInterceptor tracing(OpenTelemetry telemetry) {
        return AwsSdkTelemetry.create(telemetry).newExecutionInterceptor();
    }
}
