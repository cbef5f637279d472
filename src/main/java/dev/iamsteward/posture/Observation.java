package dev.iamsteward.posture;

import java.time.Instant;
import java.util.Map;

/**
 * One thing a scan saw: its kind, its subject ({@code root}, {@code user:ann} or {@code key:ann:<made at>}, since
 * the report carries no key ids), the user it concerns, the report fields that show it, and how severe it is.
 */
record Observation(FindingKind kind, String subject, String userName, Map<String, String> evidence,
        Severity severity) {

    Observation {
        evidence = Map.copyOf(evidence);
    }

    /** An observation of the kind's usual severity. */
    Observation(FindingKind kind, String subject, String userName, Map<String, String> evidence) {
        this(kind, subject, userName, evidence, kind.severity());
    }

    /** What makes two scans' observations the same finding. */
    String fingerprint() {
        return kind + "|" + subject;
    }

    static String keySubject(String userName, Instant madeAt) {
        return "key:" + userName + ":" + madeAt;
    }
}
