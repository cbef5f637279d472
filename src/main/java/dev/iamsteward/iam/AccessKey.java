package dev.iamsteward.iam;

import java.time.Instant;

/** An access key's metadata; its secret is never part of it. */
public record AccessKey(String accessKeyId, Status status, Instant createDate) {

    /** IAM's key states. */
    public enum Status {
        ACTIVE, INACTIVE
    }
}
