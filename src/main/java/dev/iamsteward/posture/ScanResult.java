package dev.iamsteward.posture;

import java.time.Instant;

/** What one scan did: findings opened, seen again and resolved, and how many are open after it. */
public record ScanResult(Instant reportGeneratedAt, int opened, int seenAgain, int resolved, long open) {
}
