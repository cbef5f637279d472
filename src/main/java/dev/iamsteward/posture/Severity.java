package dev.iamsteward.posture;

/** How urgent a finding is. */
public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW
}
