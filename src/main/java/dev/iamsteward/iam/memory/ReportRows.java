package dev.iamsteward.iam.memory;

import dev.iamsteward.iam.AccessKey;
import dev.iamsteward.iam.AccessKeyUsage;
import dev.iamsteward.iam.CredentialReport;
import dev.iamsteward.iam.LoginProfile;
import dev.iamsteward.iam.MfaDevice;
import dev.iamsteward.iam.memory.UserState.Credential;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A user's credential report row, from the in-memory state, as IAM would write it. */
final class ReportRows {

    private static final int SLOTS = 2;

    private ReportRows() {
    }

    static CredentialReport.Row of(UserState state, List<MfaDevice> mfa) {
        List<AccessKey> keys = state.accessKeys().list();
        List<String> certificates = state.credentials(Credential.SIGNING_CERTIFICATE);
        Instant passwordChanged = state.loginProfile().map(LoginProfile::createDate).orElse(null);
        return new CredentialReport.Row(state.user().userName(), state.user().arn(), state.user().createDate(),
                state.loginProfile().isPresent(), null, passwordChanged, null, !mfa.isEmpty(),
                slot(state, keys, 1), slot(state, keys, 2), cert(certificates, 1), cert(certificates, 2), Map.of());
    }

    /** The report has two key slots, filled in creation order; a key never used has no last-used columns. */
    private static CredentialReport.KeySlot slot(UserState state, List<AccessKey> keys, int slot) {
        if (keys.size() < slot || slot > SLOTS) {
            return new CredentialReport.KeySlot(slot, false, null, null, null, null);
        }
        AccessKey key = keys.get(slot - 1);
        AccessKeyUsage used = state.accessKeys().usage(key.accessKeyId());
        return new CredentialReport.KeySlot(slot, key.status() == AccessKey.Status.ACTIVE, key.createDate(),
                used.lastUsed(), used.lastUsed() == null ? null : used.region(),
                used.lastUsed() == null ? null : used.serviceName());
    }

    /** The fake keeps no upload date for certificates; the report says N/A for it. */
    private static CredentialReport.CertSlot cert(List<String> certificates, int slot) {
        return new CredentialReport.CertSlot(slot, certificates.size() >= slot, null);
    }
}
