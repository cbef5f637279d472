package dev.iamsteward.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One target account's settings as the broker self-check needs them: the broker role, the account, the managed
 * path, the permissions boundary and the catalog's policies. {@link #problems()} says what is malformed or
 * inconsistent, so that nothing is asked of IAM with settings that could not be right.
 */
public record BrokerTarget(String brokerRoleArn, String accountId, String managedPath, String boundaryArn,
        Set<String> catalogPolicyArns) {

    /** As deploy/aws/target-account.yaml allows: at least one segment, so that "outside the path" exists. */
    private static final Pattern MANAGED_PATH = Pattern.compile("/([A-Za-z0-9+=,.@_-]+/)+");
    private static final int PATH_MAX = 512;
    private static final Pattern ROLE_ARN = Pattern.compile("arn:(aws[a-z-]*):iam::(\\d{12}):role/[\\w+=,.@/-]+");
    private static final Pattern POLICY_ARN =
            Pattern.compile("arn:(aws[a-z-]*):iam::(\\d{12}|aws):policy/([\\w+=,.@-]+/)*[\\w+=,.@-]{1,128}");

    public BrokerTarget {
        catalogPolicyArns = Set.copyOf(catalogPolicyArns);
    }

    /**
     * The settings of the account the broker role is in: its id is read from the role's ARN (startup has already
     * refused a role outside its configured account, see AccountSettings).
     */
    public static BrokerTarget of(String brokerRoleArn, String managedPath, String boundaryArn,
            Set<String> catalogPolicyArns) {
        Matcher role = brokerRoleArn == null ? null : ROLE_ARN.matcher(brokerRoleArn);
        String account = role != null && role.matches() ? role.group(2) : null;
        return new BrokerTarget(brokerRoleArn, account, managedPath, boundaryArn, catalogPolicyArns);
    }

    /** The partition of the broker role's ARN ({@code aws}, {@code aws-us-gov}, ...). */
    public String partition() {
        Matcher role = ROLE_ARN.matcher(String.valueOf(brokerRoleArn));
        return role.matches() ? role.group(1) : "aws";
    }

    /** What is malformed or inconsistent in the settings; empty when they can be checked against IAM. */
    public List<BrokerCheckResult.Failure> problems() {
        List<BrokerCheckResult.Failure> problems = new ArrayList<>();
        Matcher role = ROLE_ARN.matcher(String.valueOf(brokerRoleArn));
        if (!role.matches()) {
            problems.add(problem("broker-role-arn", "the broker role '" + brokerRoleArn
                    + "' is not an IAM role ARN (arn:aws:iam::<account>:role/<name>)"));
        }
        if (managedPath == null || managedPath.length() > PATH_MAX || !MANAGED_PATH.matcher(managedPath).matches()) {
            problems.add(problem("managed-path", "the managed path '" + managedPath
                    + "' must begin and end with '/' and have at least one segment of [A-Za-z0-9+=,.@_-]"));
        }
        Matcher boundary = POLICY_ARN.matcher(String.valueOf(boundaryArn));
        if (!boundary.matches()) {
            problems.add(problem("permissions-boundary-arn", "the permissions boundary '" + boundaryArn
                    + "' is not an IAM policy ARN (arn:aws:iam::<account>:policy/<path><name>)"));
        } else if (role.matches() && (!boundary.group(1).equals(role.group(1))
                || !boundary.group(2).equals("aws") && !boundary.group(2).equals(accountId))) {
            problems.add(problem("permissions-boundary-arn", "the permissions boundary '" + boundaryArn
                    + "' is not a policy of the target account " + accountId + " (nor an AWS managed one): "
                    + "IAM cannot set it on the account's users"));
        }
        return problems;
    }

    private static BrokerCheckResult.Failure problem(String setting, String detail) {
        return new BrokerCheckResult.Failure("settings:" + setting, detail);
    }
}
