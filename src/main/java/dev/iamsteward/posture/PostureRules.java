package dev.iamsteward.posture;

import dev.iamsteward.credential.CredentialLedger.Expected;
import dev.iamsteward.iam.AccountSummary;
import dev.iamsteward.iam.CredentialReport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What is wrong, read from an account summary and a credential report; no IAM calls and no database here. */
final class PostureRules {

    private final PostureConfig config;
    private final String managedPath;

    PostureRules(PostureConfig config, String managedPath) {
        this.config = config;
        this.managedPath = managedPath;
    }

    /**
     * {@code createdUsers}: lower-cased names of the users a request of this service created; {@code issued}: what
     * the service's executed requests left of their credentials, by lower-cased name.
     */
    List<Observation> observe(AccountSummary summary, CredentialReport report, Set<String> createdUsers,
            Map<String, Expected> issued, Instant now) {
        List<Observation> seen = new ArrayList<>(root(summary, report.root(), now));
        for (CredentialReport.Row row : report.users()) {
            if (row.consoleUser() && !row.mfaActive()) {
                seen.add(new Observation(FindingKind.CONSOLE_WITHOUT_MFA, "user:" + row.user(), row.user(),
                        pick(row, "arn", "password_enabled", "password_last_used", "mfa_active")));
            }
            for (CredentialReport.KeySlot key : row.keys()) {
                keys(row, key, now, seen);
            }
            String name = row.user().toLowerCase(Locale.ROOT);
            if (row.path().startsWith(managedPath) && !createdUsers.contains(name)) {
                seen.add(new Observation(FindingKind.UNMANAGED_USER, "user:" + row.user(), row.user(),
                        pick(row, "arn", "user_creation_time")));
            } else if (row.path().startsWith(managedPath) && issued.containsKey(name)) {
                seen.addAll(DriftRules.observe(row, issued.get(name), report.generatedAt()));
            }
        }
        return seen;
    }

    private List<Observation> root(AccountSummary summary, Optional<CredentialReport.Row> root, Instant now) {
        List<Observation> seen = new ArrayList<>();
        String[] keyColumns = {"access_key_1_active", "access_key_1_last_used_date", "access_key_2_active",
                "access_key_2_last_used_date"};
        if (summary.accountAccessKeysPresent() || root.map(r -> !r.keys().isEmpty()).orElse(false)) {
            seen.add(rootObservation(FindingKind.ROOT_ACCESS_KEYS, root, Map.of("AccountAccessKeysPresent",
                    summary.accountAccessKeysPresent() ? "1" : "0"), keyColumns));
        }
        if (!summary.accountMfaEnabled()) {
            seen.add(rootObservation(FindingKind.ROOT_MFA_DISABLED, root, Map.of("AccountMFAEnabled", "0"),
                    "mfa_active"));
        }
        Instant since = now.minus(config.rootUsedWithin());
        if (root.isPresent() && lastUse(root.get()).filter(used -> used.isAfter(since)).isPresent()) {
            seen.add(rootObservation(FindingKind.ROOT_RECENTLY_USED, root, Map.of("within",
                    config.rootUsedWithin().toString()), "password_last_used", "access_key_1_last_used_date",
                    "access_key_2_last_used_date"));
        }
        return seen;
    }

    private void keys(CredentialReport.Row row, CredentialReport.KeySlot key, Instant now, List<Observation> seen) {
        if (!key.active()) {
            return;
        }
        String prefix = "access_key_" + key.slot() + "_";
        Map<String, String> evidence = pick(row, "arn", prefix + "active", prefix + "last_rotated",
                prefix + "last_used_date", prefix + "last_used_service");
        String subject = Observation.keySubject(row.user(), key.lastRotated());
        if (key.lastRotated().isBefore(now.minus(config.maxAge()))) {
            seen.add(new Observation(FindingKind.KEY_TOO_OLD, subject, row.user(),
                    with(evidence, "maxAge", config.maxAge())));
        }
        if (key.idleSince().isBefore(now.minus(config.unusedFor()))) {
            seen.add(new Observation(FindingKind.KEY_UNUSED, subject, row.user(),
                    with(evidence, "unusedFor", config.unusedFor())));
        }
    }

    private static Optional<Instant> lastUse(CredentialReport.Row root) {
        List<Instant> uses = new ArrayList<>();
        if (root.passwordLastUsed() != null) {
            uses.add(root.passwordLastUsed());
        }
        root.keys().stream().map(CredentialReport.KeySlot::lastUsedDate).filter(d -> d != null).forEach(uses::add);
        return uses.stream().max(Instant::compareTo);
    }

    private static Observation rootObservation(FindingKind kind, Optional<CredentialReport.Row> root,
            Map<String, String> summary, String... columns) {
        Map<String, String> evidence = new LinkedHashMap<>(summary);
        root.ifPresent(r -> evidence.putAll(pick(r, columns)));
        return new Observation(kind, "root", null, evidence);
    }

    private static Map<String, String> pick(CredentialReport.Row row, String... columns) {
        Map<String, String> picked = new LinkedHashMap<>();
        for (String column : columns) {
            picked.put(column, row.fields().getOrDefault(column, "N/A"));
        }
        return picked;
    }

    private static Map<String, String> with(Map<String, String> evidence, String key, Duration value) {
        Map<String, String> more = new LinkedHashMap<>(evidence);
        more.put(key, value.toString());
        return more;
    }
}
