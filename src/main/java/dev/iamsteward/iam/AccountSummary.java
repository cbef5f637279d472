package dev.iamsteward.iam;

import java.util.Map;

/**
 * GetAccountSummary's map, with the entries the service reads by name; {@code all} keeps every entry IAM sent
 * (quotas included) under IAM's own keys.
 */
public record AccountSummary(boolean accountMfaEnabled, boolean accountAccessKeysPresent, int users,
        int usersQuota, int groups, int mfaDevices, int mfaDevicesInUse, int policies, Map<String, Integer> all) {

    public AccountSummary {
        all = Map.copyOf(all);
    }

    /** The summary of IAM's map; entries IAM did not send count as 0. */
    public static AccountSummary of(Map<String, Integer> summary) {
        return new AccountSummary(get(summary, "AccountMFAEnabled") == 1,
                get(summary, "AccountAccessKeysPresent") == 1, get(summary, "Users"), get(summary, "UsersQuota"),
                get(summary, "Groups"), get(summary, "MFADevices"), get(summary, "MFADevicesInUse"),
                get(summary, "Policies"), summary);
    }

    private static int get(Map<String, Integer> summary, String key) {
        return summary.getOrDefault(key, 0);
    }
}
