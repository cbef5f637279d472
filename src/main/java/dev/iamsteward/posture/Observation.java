package dev.iamsteward.posture;

import java.time.Instant;
import java.util.Map;

/**
 * One thing a scan saw: its kind, its subject ({@code root}, {@code user:ann} or {@code key:ann:<made at>}, since
 * the report carries no key ids), the user it concerns and the report fields that show it.
 */
record Observation(FindingKind kind, String subject, String userName, Map<String, String> evidence) {

    Observation {
        evidence = Map.copyOf(evidence);
    }

    /** What makes two scans' observations the same finding. */
    String fingerprint() {
        return kind + "|" + subject;
    }

    static String keySubject(String userName, Instant madeAt) {
        return "key:" + userName + ":" + madeAt;
    }
}
