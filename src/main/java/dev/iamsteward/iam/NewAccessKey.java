package dev.iamsteward.iam;

import dev.iamsteward.common.Secret;

/** A key just created: the only moment IAM hands out its secret. */
public record NewAccessKey(AccessKey key, Secret secretAccessKey) {
}
