package dev.iamsteward.account;

import dev.iamsteward.common.ErrorKind;
import dev.iamsteward.common.StewardException;
import dev.iamsteward.iam.IamAccount;
import dev.iamsteward.iam.IamDirectory;
import dev.iamsteward.iam.IamRateLimits;
import dev.iamsteward.iam.OrganizationConfig;
import dev.iamsteward.iam.OrganizationRoot;
import dev.iamsteward.iam.RateLimitedIam;
import dev.iamsteward.iam.GuardedOrganizationRoot;
import dev.iamsteward.iam.TracedIamDirectory;
import dev.iamsteward.iam.aws.AwsConfig;
import dev.iamsteward.iam.aws.AwsIamDirectory;
import dev.iamsteward.iam.aws.AwsTargets;
import dev.iamsteward.iam.memory.InMemoryIamAccount;
import dev.iamsteward.iam.memory.InMemoryIamDirectory;
import dev.iamsteward.iam.memory.InMemoryOrganization;
import dev.iamsteward.iam.memory.InMemoryPolicySimulator;
import dev.iamsteward.iam.memory.SimulatedBroker;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The target accounts, by id, each with its own IAM adapter: on the AWS backend one per account, on its broker
 * role; on the memory backend one sandbox per account, the first account's being the injectable
 * {@link InMemoryIamDirectory}. Says loudly when it is the sandbox, and refuses to start on root credentials.
 */
@Singleton
@Startup
public class TargetAccounts {

    private final Map<String, TargetAccount> accounts = new LinkedHashMap<>();
    private final IamConfig.BackendKind backend;
    private final IamConfig.Sandbox sandboxContents;
    private final Instance<AwsTargets> awsTargets;
    private final Clock clock;
    private final Tracer tracer;
    private final IamRateLimits limits;

    TargetAccounts(AccountsConfig accounts, IamConfig iam, AwsConfig aws, CatalogConfig catalog,
            Instance<InMemoryIamDirectory> sandbox, Instance<InMemoryIamAccount> sandboxAccount,
            Instance<InMemoryPolicySimulator> sandboxSimulator, Instance<AwsTargets> awsTargets, Clock clock,
            Tracer tracer, IamRateLimits limits) {
        this.backend = iam.backend();
        this.sandboxContents = iam.sandbox();
        this.awsTargets = awsTargets;
        this.clock = clock;
        this.tracer = tracer;
        this.limits = limits;
        for (AccountSettings settings : AccountSettings.of(accounts, iam, aws, catalog.profiles().keySet())) {
            TargetAccount target = switch (iam.backend()) {
                case MEMORY -> {
                    TargetAccount made = this.accounts.isEmpty()
                            ? sandboxed(settings, sandbox.get(), sandboxAccount.get(), sandboxSimulator.get(),
                            iam.sandbox())
                            : sandboxed(settings, new InMemoryIamDirectory(clock, settings.accountId()), clock,
                            iam.sandbox());
                    yield withDeployedBroker(made, catalog);
                }
                case AWS -> onAws(settings, awsTargets.get());
            };
            this.accounts.put(settings.id(), traced(limited(target, limits), tracer));
            IamDirectory.Backend backend = target.directory().backend();
            if (backend.sandbox()) {
                Log.warnf("Account %s: IAM backend is the %s SANDBOX (%s): nothing reaches AWS", settings.id(),
                        backend.name(), backend.target());
            } else {
                Log.infof("Account %s: IAM backend %s, %s", settings.id(), backend.name(), backend.target());
            }
        }
    }

    /**
     * The organization's centralized root access on this backend (the sandbox organization, or AWS's), its root
     * sessions' IAM calls held to each member account's IAM call rate and traced.
     */
    OrganizationRoot organizationRoot(OrganizationConfig config, List<String> members) {
        String management = config.accountId().orElseThrow();
        OrganizationRoot adapter = switch (backend) {
            case MEMORY -> {
                InMemoryOrganization sandbox = new InMemoryOrganization(management, members, config.region(), clock);
                sandboxContents.memberRootAccessKeys().orElse(List.of()).stream().filter(members::contains)
                        .forEach(sandbox::giveRootAccessKey);
                yield sandbox;
            }
            case AWS -> awsTargets.get().organizationRoot(config);
        };
        return new GuardedOrganizationRoot(adapter, limits, tracer);
    }


    /** Every target account, in the order of their ids. */
    public Collection<TargetAccount> all() {
        return accounts.values();
    }

    public List<String> ids() {
        return List.copyOf(accounts.keySet());
    }

    /** The account of this id; 400 when there is none. */
    public TargetAccount get(String id) {
        TargetAccount account = id == null ? null : accounts.get(id);
        if (account == null) {
            throw new StewardException(ErrorKind.UNKNOWN_ACCOUNT, "account '" + id + "' is not a target account; "
                    + "it is one of " + ids());
        }
        return account;
    }

    /** Whether {@code id} names one of the target accounts configured now. */
    public boolean has(String id) {
        return id != null && accounts.containsKey(id);
    }

    /**
     * The account a stored request names; 422 when the configuration no longer has it, since the request was
     * valid when it was made and only the configuration changed since.
     */
    public TargetAccount stored(String id) {
        if (!has(id)) {
            throw new StewardException(ErrorKind.ACCOUNT_REMOVED, removed(id));
        }
        return accounts.get(id);
    }

    /** Why a stored request cannot go on in {@code id}: the words its refusal, failure and audit row use. */
    public static String removed(String id) {
        return "account '" + id + "' is no longer a target account: it was removed from the configuration "
                + "after the request was made";
    }

    /** The account a caller names, or the only one when they name none; 400 when several could be meant. */
    public TargetAccount resolve(String id) {
        if (id == null) {
            if (accounts.size() != 1) {
                throw StewardException.invalid("account is required: this service acts on several accounts, "
                        + ids());
            }
            return accounts.values().iterator().next();
        }
        return get(id);
    }

    private static TargetAccount sandboxed(AccountSettings settings, InMemoryIamDirectory directory,
            Clock clock, IamConfig.Sandbox contents) {
        return sandboxed(settings, directory, new InMemoryIamAccount(directory, clock),
                new InMemoryPolicySimulator(directory), contents);
    }

    private static TargetAccount sandboxed(AccountSettings settings, InMemoryIamDirectory directory,
            InMemoryIamAccount account, InMemoryPolicySimulator simulator, IamConfig.Sandbox contents) {
        directory.simulateAccount(settings.accountId());
        directory.faults().throttleFraction(contents.throttleFraction());
        directory.delayKeyPropagation(contents.keyPropagationChecks(), contents.keyPropagationDelay());
        contents.groups().orElse(List.of()).forEach(directory::createGroup);
        contents.policyArns().orElse(List.of()).stream().map(settings::inAccount)
                .forEach(directory::createManagedPolicy);
        return new TargetAccount(settings, directory, account, simulator);
    }

    /** The sandbox's broker holds the policy deploy/aws/target-account.yaml gives it for this account. */
    private static TargetAccount withDeployedBroker(TargetAccount target, CatalogConfig catalog) {
        AccountSettings settings = target.settings();
        List<String> catalogPolicies = catalog.profiles().entrySet().stream()
                .filter(e -> settings.offers(e.getKey()))
                .flatMap(e -> e.getValue().policyArns().orElse(List.of()).stream()).map(settings::inAccount)
                .distinct().toList();
        ((InMemoryPolicySimulator) target.simulator()).setBrokerPolicy(SimulatedBroker.asDeployed("aws",
                settings.accountId(), settings.managedPath(), settings.permissionsBoundaryArn(), catalogPolicies));
        return target;
    }

    /** Every call to the account's IAM, by whatever part of the service, waits for the account's rate. */
    private static TargetAccount limited(TargetAccount target, IamRateLimits limits) {
        IamRateLimits.Limit limit = limits.forAccount(target.id());
        return new TargetAccount(target.settings(), RateLimitedIam.wrap(IamDirectory.class, target.directory(), limit),
                RateLimitedIam.wrap(IamAccount.class, target.account(), limit), target.simulator());
    }

    /** Every call through the account's IAM port is a span naming the account. */
    private static TargetAccount traced(TargetAccount target, Tracer tracer) {
        return new TargetAccount(target.settings(), new TracedIamDirectory(target.directory(), tracer, target.id()),
                target.account(), target.simulator());
    }

    /** Startup fails here, before anything else can use the adapter, when it runs on root credentials. */
    private static TargetAccount onAws(AccountSettings settings, AwsTargets targets) {
        AwsIamDirectory adapter = targets.forAccount(settings.roleArn().orElseThrow(), settings.externalId());
        RootCredentials.refuse(adapter.account().callerArn());
        return new TargetAccount(settings, adapter, adapter.account(), adapter.simulator());
    }
}
