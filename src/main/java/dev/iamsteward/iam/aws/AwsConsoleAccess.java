package dev.iamsteward.iam.aws;

import static dev.iamsteward.iam.aws.IamCalls.find;
import static dev.iamsteward.iam.aws.IamCalls.run;

import dev.iamsteward.common.Secret;
import dev.iamsteward.iam.Attribution;
import dev.iamsteward.iam.LoginProfile;
import dev.iamsteward.iam.PasswordPolicy;
import java.util.Optional;
import software.amazon.awssdk.services.iam.IamClient;

/** Console access: a user's login profile, and the account's password policy its password must meet. */
final class AwsConsoleAccess {

    private final IamCalls calls;
    private final IamClient iam;

    AwsConsoleAccess(IamCalls calls) {
        this.calls = calls;
        this.iam = calls.client();
    }

    /** Empty when the user has no login profile (or, as IAM answers both with NoSuchEntity, no such user). */
    Optional<LoginProfile> findLoginProfile(String userName) {
        return find(() -> iam.getLoginProfile(r -> r.userName(userName)
                .overrideConfiguration(calls.asService())).loginProfile())
                .map(p -> new LoginProfile(p.createDate(), Boolean.TRUE.equals(p.passwordResetRequired())));
    }

    void createLoginProfile(String userName, Secret password, boolean passwordResetRequired,
            Attribution attribution) {
        run(() -> iam.createLoginProfile(r -> r.userName(userName)
                .password(password.reveal())
                .passwordResetRequired(passwordResetRequired)
                .overrideConfiguration(calls.creating(attribution))));
    }

    void deleteLoginProfile(String userName, Attribution attribution) {
        run(() -> iam.deleteLoginProfile(r -> r.userName(userName).overrideConfiguration(calls.as(attribution))));
    }

    /** IAM answers NoSuchEntity when the account has no policy of its own. */
    PasswordPolicy passwordPolicy() {
        return find(() -> iam.getAccountPasswordPolicy(r -> r.overrideConfiguration(calls.asService()))
                .passwordPolicy())
                .map(AwsConsoleAccess::toPolicy)
                .orElse(PasswordPolicy.AWS_DEFAULT);
    }

    private static PasswordPolicy toPolicy(software.amazon.awssdk.services.iam.model.PasswordPolicy policy) {
        int minimumLength = policy.minimumPasswordLength() == null ? PasswordPolicy.AWS_DEFAULT.minimumLength()
                : policy.minimumPasswordLength();
        return new PasswordPolicy(minimumLength, Boolean.TRUE.equals(policy.requireSymbols()),
                Boolean.TRUE.equals(policy.requireNumbers()), Boolean.TRUE.equals(policy.requireUppercaseCharacters()),
                Boolean.TRUE.equals(policy.requireLowercaseCharacters()));
    }
}
