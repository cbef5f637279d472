package dev.iamsteward.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Two in-memory target accounts: {@code alpha} (whose sandbox is the injectable one) offering every profile, and
 * {@code beta}, under its own managed path, offering data-read and billing only. The data-read profile's policy
 * names each account through the placeholder; an approval rule asks two approvals for anything in beta.
 */
public class TwoAccounts implements QuarkusTestProfile {

    public static final String ALPHA_ID = "111111111111";
    public static final String BETA_ID = "222222222222";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                Map.entry("steward.accounts.alpha.account-id", ALPHA_ID),
                Map.entry("steward.accounts.alpha.permissions-boundary-arn",
                        "arn:aws:iam::" + ALPHA_ID + ":policy/iam-steward/managed-user-boundary"),
                Map.entry("steward.accounts.beta.account-id", BETA_ID),
                Map.entry("steward.accounts.beta.managed-path", "/beta-team/"),
                Map.entry("steward.accounts.beta.permissions-boundary-arn", "arn:aws:iam::aws:policy/ReadOnlyAccess"),
                Map.entry("steward.accounts.beta.profiles", "data-read,billing"),
                Map.entry("steward.catalog.profiles.data-read.policy-arns",
                        "arn:aws:iam::{account-id}:policy/data-read"),
                Map.entry("steward.iam.sandbox.policy-arns", "arn:aws:iam::{account-id}:policy/data-read"),
                Map.entry("steward.approval.rules.beta.accounts", "beta"),
                Map.entry("steward.approval.rules.beta.approvals", "2"));
    }
}
