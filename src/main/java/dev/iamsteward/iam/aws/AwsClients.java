package dev.iamsteward.iam.aws;

import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.IamClientBuilder;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.StsClientBuilder;

/** Builds the SDK clients from configuration, over the JDK's HTTP client. */
final class AwsClients {

    private AwsClients() {
    }

    static StsClient sts(AwsConfig config) {
        StsClientBuilder builder = StsClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(config.region()));
        config.stsEndpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /** IAM is global; with an endpoint override the configured region is used for signing. */
    static IamClient iam(AwsConfig config) {
        IamClientBuilder builder = IamClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder());
        config.iamEndpoint().ifPresentOrElse(
                endpoint -> builder.region(Region.of(config.region())).endpointOverride(endpoint),
                () -> builder.region(Region.AWS_GLOBAL));
        return builder.build();
    }
}
