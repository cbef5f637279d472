package dev.iamsteward.account;

import dev.iamsteward.iam.IamNames;
import dev.iamsteward.iam.aws.AwsConfig;
import dev.iamsteward.iam.memory.InMemoryIamDirectory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One target account's settings, checked: from {@code steward.accounts.<id>}, or, when none is configured, the
 * single account {@code default} made of the older {@code steward.iam.*} and {@code steward.aws.*} settings.
 */
public record AccountSettings(String id, String accountId, Optional<String> roleArn, Optional<String> externalId,
        String managedPath, String permissionsBoundaryArn, Optional<List<String>> profiles) {

    /** The id of the account made of the older settings when no accounts are configured. */
    public static final String DEFAULT = "default";
    /** Stands for the account's id in policy ARNs of the catalog and the sandbox: not {@code ${...}}, which
     * SmallRye Config would expand itself. */
    public static final String ACCOUNT_PLACEHOLDER = "{account-id}";

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[\\w-]*:iam::(\\d{12}):role/[\\w+=,.@/-]+");
    private static final Pattern POLICY_ARN =
            Pattern.compile("arn:aws[\\w-]*:iam::(\\d{12}|aws):policy/[\\w+=,.@/-]+");

    /** The configured accounts, or the single default one; startup fails with what is wrong. */
    static List<AccountSettings> of(AccountsConfig accounts, IamConfig iam, AwsConfig aws, Set<String> catalog) {
        List<AccountSettings> all = new ArrayList<>();
        if (accounts.accounts().isEmpty()) {
            all.add(legacy(iam, aws));
        }
        accounts.accounts().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> all.add(new AccountSettings(e.getKey(), e.getValue().accountId(), e.getValue().roleArn(),
                        e.getValue().externalId(), e.getValue().managedPath(), e.getValue().permissionsBoundaryArn(),
                        e.getValue().profiles())));
        Set<String> accountIds = new HashSet<>();
        for (AccountSettings account : all) {
            account.check(iam.backend(), catalog);
            if (!accountIds.add(account.accountId())) {
                throw new IllegalStateException("steward.accounts: AWS account " + account.accountId()
                        + " is configured twice");
            }
        }
        return List.copyOf(all);
    }

    private static AccountSettings legacy(IamConfig iam, AwsConfig aws) {
        String boundary = iam.permissionsBoundaryArn().orElseThrow(() -> new IllegalStateException(
                "steward.iam.permissions-boundary-arn is required when no steward.accounts are configured"));
        String accountId = switch (iam.backend()) {
            case MEMORY -> InMemoryIamDirectory.ACCOUNT_ID;
            case AWS -> accountOf(ROLE_ARN, aws.roleArn().orElseThrow(() -> new IllegalStateException(
                    "steward.aws.role-arn is required when steward.iam.backend=aws")), "steward.aws.role-arn");
        };
        return new AccountSettings(DEFAULT, accountId, aws.roleArn(), aws.externalId(), iam.managedPath(), boundary,
                Optional.empty());
    }

    private void check(IamConfig.BackendKind backend, Set<String> catalog) {
        String at = "steward.accounts." + id + ".";
        require(ID.matcher(id).matches(), "steward.accounts: '" + id + "' must be lower-case letters, digits and -");
        require(ACCOUNT_ID.matcher(accountId).matches(), at + "account-id must be twelve digits");
        require(IamNames.isPath(managedPath), at + "managed-path must start and end with '/'");
        String boundaryAccount = accountOf(POLICY_ARN, permissionsBoundaryArn, at + "permissions-boundary-arn");
        require(boundaryAccount.equals("aws") || boundaryAccount.equals(accountId),
                at + "permissions-boundary-arn must be a policy of account " + accountId + " or AWS managed");
        if (backend == IamConfig.BackendKind.AWS) {
            require(roleArn.isPresent(), at + "role-arn is required with steward.iam.backend=aws");
        }
        roleArn.ifPresent(arn -> require(accountOf(ROLE_ARN, arn, at + "role-arn").equals(accountId),
                at + "role-arn must be a role of account " + accountId));
        profiles.ifPresent(names -> names.stream().filter(n -> !catalog.contains(n)).findFirst().ifPresent(n -> {
            throw new IllegalStateException(at + "profiles names '" + n + "', which is not in steward.catalog");
        }));
    }

    /** The account an ARN names; startup fails when it is not an ARN of that shape. */
    private static String accountOf(Pattern shape, String arn, String setting) {
        Matcher m = shape.matcher(arn);
        require(m.matches(), setting + " is not an ARN of the expected shape: " + arn);
        return m.group(1);
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalStateException(problem);
        }
    }

    /** Whether requests in this account may use the catalog's profile of this name. */
    public boolean offers(String profile) {
        return profiles.map(names -> names.contains(profile)).orElse(true);
    }

    /** A policy ARN of the catalog or the sandbox, with the placeholder replaced by this account's id. */
    public String inAccount(String policyArn) {
        return policyArn.replace(ACCOUNT_PLACEHOLDER, accountId);
    }
}
