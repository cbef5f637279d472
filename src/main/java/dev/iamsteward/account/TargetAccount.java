package dev.iamsteward.account;

import dev.iamsteward.iam.IamAccount;
import dev.iamsteward.iam.IamDirectory;
import dev.iamsteward.iam.PolicySimulator;

/**
 * One target account: its settings, the IAM port and account-level reads that act on it, and IAM's policy
 * simulator there, for the broker role's self-check.
 */
public record TargetAccount(AccountSettings settings, IamDirectory directory, IamAccount account,
        PolicySimulator simulator) {

    /** The account's id in this service's configuration and API. */
    public String id() {
        return settings.id();
    }

    /** The twelve-digit AWS account id. */
    public String accountId() {
        return settings.accountId();
    }

    public String managedPath() {
        return settings.managedPath();
    }
}
