package dev.iamsteward.account;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The target accounts the service acts on, by an id of the operator's choosing. With none configured the
 * single account {@code default} is made of {@code steward.iam.*} and {@code steward.aws.role-arn}/{@code external-id}.
 */
@ConfigMapping(prefix = "steward")
public interface AccountsConfig {

    /** The target accounts, by id; requests, users, findings and rotations name one of these ids. */
    Map<String, Account> accounts();

    /** One target account: where it is, how the broker role in it is reached, and its guard rails. */
    interface Account {

        /** The twelve-digit AWS account id. */
        String accountId();

        /** ARN of the broker role in this account, assumed for every IAM call there; required with the aws backend. */
        Optional<String> roleArn();

        /** External id the account's broker role trust policy requires. */
        Optional<String> externalId();

        /** The IAM path under which every managed user of this account lives. */
        @WithDefault("/iam-steward/")
        String managedPath();

        /** ARN of the permissions boundary set on every user created here: this account's, or AWS managed. */
        String permissionsBoundaryArn();

        /**
         * The catalog's access profiles this account offers, by name; every profile when absent. In a profile's
         * policy ARNs, {@code {account-id}} stands for this account's id.
         */
        Optional<List<String>> profiles();
    }
}
