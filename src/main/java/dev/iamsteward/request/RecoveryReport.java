package dev.iamsteward.request;

import dev.iamsteward.request.PlanStep.AllowRootPasswordRecovery;
import dev.iamsteward.request.PlanStep.DeleteRootCredential;
import dev.iamsteward.request.PlanStep.DeleteRootCredential.Credential;
import java.util.ArrayList;
import java.util.List;

/**
 * What a member account's root user held when its password recovery window ended, told apart from what it held
 * before: the deletion plan made at the window's end against the recovery's own plan. Ids only, never a secret.
 */
final class RecoveryReport {

    private RecoveryReport() {
    }

    /** E.g. "password present, 1 access key created during the window (AKIA…), 1 MFA device from before (arn…)". */
    static String of(List<PlannedCall> recoveryPlan, List<PlannedCall> deletionPlan) {
        AllowRootPasswordRecovery before = recoveryPlan.stream().map(PlanStep::of)
                .filter(AllowRootPasswordRecovery.class::isInstance).map(AllowRootPasswordRecovery.class::cast)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("not a password recovery's plan"));
        List<DeleteRootCredential> found = deletionPlan.stream().map(PlanStep::of)
                .filter(DeleteRootCredential.class::isInstance).map(DeleteRootCredential.class::cast).toList();
        List<String> parts = new ArrayList<>();
        parts.add(found.stream().anyMatch(c -> c.credential() == Credential.PASSWORD) ? "password present"
                : "no password");
        describe(parts, found, Credential.ACCESS_KEY, "access key", before.existingAccessKeys());
        describe(parts, found, Credential.SIGNING_CERTIFICATE, "signing certificate",
                before.existingSigningCertificates());
        describe(parts, found, Credential.MFA_DEVICE, "MFA device", before.existingMfaDevices());
        return String.join(", ", parts);
    }

    private static void describe(List<String> parts, List<DeleteRootCredential> found, Credential kind,
            String name, List<String> before) {
        List<String> ids = found.stream().filter(c -> c.credential() == kind).map(DeleteRootCredential::credentialId)
                .toList();
        List<String> created = ids.stream().filter(id -> !before.contains(id)).toList();
        List<String> kept = ids.stream().filter(before::contains).toList();
        if (!created.isEmpty()) {
            parts.add(count(created.size(), name) + " created during the window " + created);
        }
        if (!kept.isEmpty()) {
            parts.add(count(kept.size(), name) + " from before the window " + kept);
        }
        if (ids.isEmpty()) {
            parts.add("no " + name);
        }
    }

    private static String count(int n, String name) {
        return n + " " + name + (n == 1 ? "" : "s");
    }
}
