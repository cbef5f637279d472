package dev.iamsteward.posture;

import java.time.Instant;

/**
 * What one scan did: findings opened, seen again and resolved, and how many are open after it; over several
 * accounts, the sum, and the oldest of the credential reports read.
 */
public record ScanResult(Instant reportGeneratedAt, int opened, int seenAgain, int resolved, long open) {

    ScanResult plus(ScanResult other) {
        return new ScanResult(reportGeneratedAt.isBefore(other.reportGeneratedAt) ? reportGeneratedAt
                : other.reportGeneratedAt, opened + other.opened, seenAgain + other.seenAgain,
                resolved + other.resolved, open + other.open);
    }
}
