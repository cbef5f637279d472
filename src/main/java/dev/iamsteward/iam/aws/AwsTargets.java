package dev.iamsteward.iam.aws;

import dev.iamsteward.iam.OrganizationConfig;
import io.opentelemetry.api.OpenTelemetry;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The AWS adapters of the target accounts: one per account, each with its own broker-role sessions (so its
 * credentials are cached apart from the others'), all sharing one STS and one IAM client.
 */
@Singleton
public class AwsTargets implements AutoCloseable {

    private final AwsConfig config;
    private final OpenTelemetry telemetry;
    private final List<AwsIamDirectory> adapters = new ArrayList<>();
    private final List<AwsOrganizationRoot> organizations = new ArrayList<>();
    private StsClient sts;
    private IamClient iam;

    AwsTargets(AwsConfig config, OpenTelemetry telemetry) {
        this.config = config;
        this.telemetry = telemetry;
    }

    /** The adapter acting through {@code roleArn}, assumed with {@code externalId}. */
    public synchronized AwsIamDirectory forAccount(String roleArn, Optional<String> externalId) {
        if (sts == null) {
            sts = AwsClients.sts(config, telemetry);
            iam = AwsClients.iam(config, telemetry);
        }
        AwsIamDirectory adapter = new AwsIamDirectory(new IamCalls(sts, iam, config, roleArn, externalId), config);
        adapters.add(adapter);
        return adapter;
    }

    /** Centralized root access of the organization, over clients of its own (STS of the organization's region). */
    public synchronized AwsOrganizationRoot organizationRoot(OrganizationConfig organization) {
        AwsOrganizationRoot root = new AwsOrganizationRoot(organization, config, telemetry);
        organizations.add(root);
        return root;
    }

    @PreDestroy
    @Override
    public synchronized void close() {
        adapters.forEach(AwsIamDirectory::close);
        adapters.clear();
        organizations.forEach(AwsOrganizationRoot::close);
        organizations.clear();
        if (sts != null) {
            iam.close();
            sts.close();
        }
    }
}
