package dev.iamsteward.request;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The SHA-256 of what an approver approves: every field of the request that shapes what execution does, and
 * the plan itself. Each value is length-prefixed, so no two different requests serialise alike.
 */
final class PlanHash {

    private PlanHash() {
    }

    static String of(AccessRequest r) {
        StringBuilder canonical = new StringBuilder();
        field(canonical, "type", r.type.name());
        field(canonical, "userName", r.userName);
        field(canonical, "path", r.path);
        field(canonical, "owner", r.owner);
        field(canonical, "expiresAt", r.expiresAt == null ? null : r.expiresAt.toString());
        field(canonical, "accessKeyId", r.accessKeyId);
        field(canonical, "profile", r.profile);
        field(canonical, "reason", r.reason);
        new TreeMap<>(r.tags).forEach((k, v) -> field(canonical, "tag:" + k, v));
        for (PlannedCall call : r.plan) {
            field(canonical, "call", call.action());
            for (Map.Entry<String, String> p : new TreeMap<>(call.parameters()).entrySet()) {
                field(canonical, "param:" + p.getKey(), p.getValue());
            }
        }
        // Approvers approve what the plan says it could not look at, too; a plan without notes hashes as before.
        r.planNotes().forEach(note -> field(canonical, "note", note));
        return sha256(canonical.toString());
    }

    private static void field(StringBuilder out, String name, String value) {
        out.append(name.length()).append(':').append(name);
        if (value == null) {
            out.append("-;");
        } else {
            out.append(value.length()).append(':').append(value).append(';');
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
