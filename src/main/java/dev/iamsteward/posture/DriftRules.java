package dev.iamsteward.posture;

import dev.iamsteward.credential.CredentialLedger.Expected;
import dev.iamsteward.credential.IssuedCredential.State;
import dev.iamsteward.iam.CredentialReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Drift: where a managed user's row of the credential report differs from what the service's own executed requests
 * left. An active key the service did not make, or deactivated, is one finding per key; every other difference is
 * gathered in one finding for the user. Pure: no IAM calls and no database here.
 */
final class DriftRules {

    private DriftRules() {
    }

    /**
     * The drift of one user; nothing when the service changed the user's credentials after the report was made,
     * since the report cannot show that change yet.
     */
    static List<Observation> observe(CredentialReport.Row row, Expected expected, Instant reportMadeAt) {
        if (expected.lastChange().isAfter(reportMadeAt)) {
            return List.of();
        }
        List<Observation> seen = new ArrayList<>();
        List<String> differences = new ArrayList<>();
        Set<Instant> inReport = new HashSet<>();
        for (CredentialReport.KeySlot key : row.keys()) {
            inReport.add(key.lastRotated());
            keySlot(row, key, expected.keys().get(key.lastRotated()), seen, differences);
        }
        expected.keys().forEach((madeAt, state) -> {
            if (!inReport.contains(madeAt)) {
                differences.add("the key IAM Steward made at " + madeAt + " was deleted outside IAM Steward");
            }
        });
        boolean consoleOutside = row.consoleUser() && !expected.console();
        if (consoleOutside) {
            differences.add("console access was given outside IAM Steward");
        } else if (!row.consoleUser() && expected.console()) {
            differences.add("console access was removed outside IAM Steward");
        }
        if (row.mfaActive() != expected.mfa()) {
            differences.add(expected.mfa() ? "the MFA device IAM Steward enrolled was removed outside IAM Steward"
                    : "an MFA device was enrolled outside IAM Steward");
        }
        if (!differences.isEmpty()) {
            Map<String, String> evidence = pick(row, "arn", "password_enabled", "password_last_changed", "mfa_active",
                    "access_key_1_active", "access_key_1_last_rotated", "access_key_2_active",
                    "access_key_2_last_rotated");
            evidence.put("differences", String.join("; ", differences));
            seen.add(new Observation(FindingKind.DRIFTED_USER, "user:" + row.user(), row.user(), evidence,
                    consoleOutside ? Severity.HIGH : FindingKind.DRIFTED_USER.severity()));
        }
        return seen;
    }

    private static void keySlot(CredentialReport.Row row, CredentialReport.KeySlot key, State issued,
            List<Observation> seen, List<String> differences) {
        String slot = "access_key_" + key.slot() + "_";
        if (key.active() && issued != State.ACTIVE) {
            Map<String, String> evidence = pick(row, "arn", slot + "active", slot + "last_rotated",
                    slot + "last_used_date", slot + "last_used_service");
            evidence.put("differences", issued == State.INACTIVE
                    ? "IAM Steward deactivated this key; it was made active again outside IAM Steward"
                    : "IAM Steward made no key at " + key.lastRotated() + "; it was made outside IAM Steward");
            seen.add(new Observation(FindingKind.DRIFTED_ACCESS_KEY, Observation.keySubject(row.user(),
                    key.lastRotated()), row.user(), evidence));
        } else if (!key.active() && issued == null) {
            differences.add("an inactive key made at " + key.lastRotated() + " was made outside IAM Steward");
        } else if (!key.active() && issued == State.ACTIVE) {
            differences.add("the key made at " + key.lastRotated() + " was deactivated outside IAM Steward");
        }
    }

    private static Map<String, String> pick(CredentialReport.Row row, String... columns) {
        Map<String, String> picked = new LinkedHashMap<>();
        for (String column : columns) {
            picked.put(column, row.fields().getOrDefault(column, "N/A"));
        }
        return picked;
    }
}
