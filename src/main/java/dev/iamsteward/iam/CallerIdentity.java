package dev.iamsteward.iam;

/** What STS GetCallerIdentity answers: the principal a request's credentials belong to. */
public record CallerIdentity(String arn, String account, String userId) {
}
