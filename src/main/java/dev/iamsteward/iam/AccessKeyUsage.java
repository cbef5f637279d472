package dev.iamsteward.iam;

import java.time.Instant;

/** When and where a key was last used; {@code lastUsed} is null for a key never used. */
public record AccessKeyUsage(Instant lastUsed, String serviceName, String region) {
}
