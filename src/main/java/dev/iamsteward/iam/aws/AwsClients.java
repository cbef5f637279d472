package dev.iamsteward.iam.aws;

import io.opentelemetry.api.OpenTelemetry;
import java.net.URI;
import java.util.Optional;
import io.opentelemetry.instrumentation.awssdk.v2_2.AwsSdkTelemetry;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.IamClientBuilder;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.StsClientBuilder;

/**
 * Builds the SDK clients from configuration, over the JDK's HTTP client, each call a span (with AWS's request id)
 * beneath the IAM port's span of the call.
 */
final class AwsClients {

    private AwsClients() {
    }

    static StsClient sts(AwsConfig config, OpenTelemetry telemetry) {
        return sts(config, telemetry, config.region(), config.stsEndpoint());
    }

    /** STS of {@code region} (its Regional endpoint unless {@code endpoint} overrides it), bounded as configured. */
    static StsClient sts(AwsConfig config, OpenTelemetry telemetry, String region, Optional<URI> endpoint) {
        StsClientBuilder builder = StsClient.builder()
                .httpClientBuilder(http(config))
                .overrideConfiguration(c -> bounded(c, config).addExecutionInterceptor(tracing(telemetry)))
                .region(Region.of(region));
        endpoint.ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /** IAM is global; with an endpoint override the configured region is used for signing. */
    static IamClient iam(AwsConfig config, OpenTelemetry telemetry) {
        return iam(config, telemetry, config.region(), config.iamEndpoint());
    }

    /** IAM's global endpoint, or {@code endpoint} signed for {@code region}. */
    static IamClient iam(AwsConfig config, OpenTelemetry telemetry, String region, Optional<URI> override) {
        IamClientBuilder builder = IamClient.builder().httpClientBuilder(http(config))
                .overrideConfiguration(c -> bounded(c, config).addExecutionInterceptor(tracing(telemetry)));
        override.ifPresentOrElse(
                endpoint -> builder.region(Region.of(region)).endpointOverride(endpoint),
                () -> builder.region(Region.AWS_GLOBAL));
        return builder.build();
    }

    /** Connecting and waiting for an answer are bounded by the attempt's time as well, at the socket. */
    private static UrlConnectionHttpClient.Builder http(AwsConfig config) {
        return UrlConnectionHttpClient.builder().connectionTimeout(config.callAttemptTimeout())
                .socketTimeout(config.callAttemptTimeout());
    }

    /** Every call, and each of its attempts, ends within its configured time; the SDK's retries stay within both. */
    private static ClientOverrideConfiguration.Builder bounded(ClientOverrideConfiguration.Builder client,
            AwsConfig config) {
        return client.apiCallAttemptTimeout(config.callAttemptTimeout()).apiCallTimeout(config.callTimeout());
    }

    /** OpenTelemetry's instrumentation of the SDK: service, operation, status and request id; no bodies. */
    private static ExecutionInterceptor tracing(OpenTelemetry telemetry) {
        return AwsSdkTelemetry.create(telemetry).newExecutionInterceptor();
    }
}
