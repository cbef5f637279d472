package dev.iamsteward.iam;

import dev.iamsteward.catalog.Catalog;
import dev.iamsteward.iam.aws.AwsIamDirectory;
import dev.iamsteward.iam.memory.InMemoryIamAccount;
import dev.iamsteward.iam.memory.InMemoryIamDirectory;
import dev.iamsteward.iam.memory.InMemoryPolicySimulator;
import dev.iamsteward.iam.memory.SimulatedBroker;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Chooses the IAM adapter from configuration and says loudly when it is the sandbox; refuses to start on the
 * AWS account's root credentials. Every call through the port is traced, whichever the adapter.
 */
public class IamDirectoryProducer {

    @Produces
    @Singleton
    @Startup
    IamDirectory iamDirectory(IamConfig config, Instance<InMemoryIamDirectory> memory,
            Instance<AwsIamDirectory> aws, Tracer tracer) {
        IamDirectory chosen = switch (config.backend()) {
            case MEMORY -> seeded(memory.get(), config.sandbox());
            case AWS -> refusingRoot(aws.get());
        };
        IamDirectory.Backend backend = chosen.backend();
        if (backend.sandbox()) {
            Log.warnf("IAM backend is the %s SANDBOX (%s): nothing reaches AWS", backend.name(), backend.target());
        } else {
            Log.infof("IAM backend: %s, %s", backend.name(), backend.target());
        }
        return new TracedIamDirectory(chosen, tracer);
    }

    /** The account-level reads of the same backend. */
    @Produces
    @Singleton
    IamAccount iamAccount(IamConfig config, Instance<InMemoryIamAccount> memory, Instance<AwsIamDirectory> aws) {
        return switch (config.backend()) {
            case MEMORY -> memory.get();
            case AWS -> aws.get().account();
        };
    }

    /** IAM's policy simulator of the same backend; the in-memory one holds the broker's policy as deployed. */
    @Produces
    @Singleton
    PolicySimulator policySimulator(IamConfig config, Catalog catalog, Instance<InMemoryPolicySimulator> memory,
            Instance<AwsIamDirectory> aws) {
        return switch (config.backend()) {
            case MEMORY -> deployedBroker(memory.get(), config, catalog);
            case AWS -> aws.get().simulator();
        };
    }

    /** Startup fails here, before anything else can use the adapter, when it runs on root credentials. */
    private static AwsIamDirectory refusingRoot(AwsIamDirectory aws) {
        RootCredentials.refuse(aws.account().callerArn());
        return aws;
    }

    private static InMemoryPolicySimulator deployedBroker(InMemoryPolicySimulator simulator, IamConfig config,
            Catalog catalog) {
        simulator.setBrokerPolicy(SimulatedBroker.asDeployed("aws", InMemoryIamDirectory.ACCOUNT_ID,
                config.managedPath(), config.permissionsBoundaryArn(),
                catalog.all().stream().flatMap(p -> p.policyArns().stream()).distinct().toList()));
        return simulator;
    }

    private static InMemoryIamDirectory seeded(InMemoryIamDirectory sandbox, IamConfig.Sandbox contents) {
        contents.groups().orElse(List.of()).forEach(sandbox::createGroup);
        contents.policyArns().orElse(List.of()).forEach(sandbox::createManagedPolicy);
        return sandbox;
    }
}
