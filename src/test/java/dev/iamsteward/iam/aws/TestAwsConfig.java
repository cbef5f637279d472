package dev.iamsteward.iam.aws;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** {@link AwsConfig} built by SmallRye Config from properties, as the application builds it, for adapter tests. */
final class TestAwsConfig {

    static final String ROLE_ARN = "arn:aws:iam::123456789012:role/iam-steward-broker";
    static final String EXTERNAL_ID = "steward-test-external-id";

    private TestAwsConfig() {
    }

    /** The broker role and external id, with both endpoints overridden. */
    static AwsConfig pointingAt(URI iam, URI sts) {
        return pointingAt(iam, sts, Map.of());
    }

    /** As {@link #pointingAt(URI, URI)}, with {@code steward.aws.*} properties overridden by {@code overrides}. */
    static AwsConfig pointingAt(URI iam, URI sts, Map<String, String> overrides) {
        Map<String, String> properties = new HashMap<>(Map.of(
                "steward.aws.role-arn", ROLE_ARN,
                "steward.aws.external-id", EXTERNAL_ID,
                "steward.aws.iam-endpoint", iam.toString(),
                "steward.aws.sts-endpoint", sts.toString()));
        properties.putAll(overrides);
        return new SmallRyeConfigBuilder()
                .withMapping(AwsConfig.class)
                // Quarkus's own converter, so "15m" in @WithDefault parses as it does in the application.
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(properties, "aws-adapter-test", 500))
                .build()
                .getConfigMapping(AwsConfig.class);
    }
}
