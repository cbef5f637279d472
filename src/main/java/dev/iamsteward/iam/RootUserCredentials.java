package dev.iamsteward.iam;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What credentials a member account's root user has, as an audit session reads them (never a secret). */
public record RootUserCredentials(String accountId, boolean password, List<String> accessKeyIds,
        List<String> mfaSerialNumbers, List<String> signingCertificateIds) {

    public RootUserCredentials {
        accessKeyIds = List.copyOf(accessKeyIds);
        mfaSerialNumbers = List.copyOf(mfaSerialNumbers);
        signingCertificateIds = List.copyOf(signingCertificateIds);
    }

    /** Reads them in a session scoped to IAMAuditRootUserCredentials (or another task that may read). */
    public static RootUserCredentials readIn(RootSession session) {
        return new RootUserCredentials(session.accountId(), session.loginProfile().isPresent(),
                session.accessKeys().stream().map(AccessKey::accessKeyId).toList(),
                session.mfaDevices().stream().map(MfaDevice::serialNumber).toList(),
                session.signingCertificates());
    }

    public boolean none() {
        return !password && accessKeyIds.isEmpty() && mfaSerialNumbers.isEmpty() && signingCertificateIds.isEmpty();
    }

    /** How many of each there are, for findings and reports. */
    public Map<String, String> counts() {
        Map<String, String> counts = new LinkedHashMap<>();
        counts.put("password", Boolean.toString(password));
        counts.put("accessKeys", Integer.toString(accessKeyIds.size()));
        counts.put("mfaDevices", Integer.toString(mfaSerialNumbers.size()));
        counts.put("signingCertificates", Integer.toString(signingCertificateIds.size()));
        return counts;
    }
}
