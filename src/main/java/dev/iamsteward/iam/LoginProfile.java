package dev.iamsteward.iam;

import java.time.Instant;

/** A user's console password, as IAM describes it (never the password itself). */
public record LoginProfile(Instant createDate, boolean passwordResetRequired) {
}
