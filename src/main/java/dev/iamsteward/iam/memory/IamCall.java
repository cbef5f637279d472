package dev.iamsteward.iam.memory;

import dev.iamsteward.iam.Attribution;

/** One call the in-memory IAM received; {@code attribution} is null for reads. */
public record IamCall(String operation, String userName, Attribution attribution) {
}
