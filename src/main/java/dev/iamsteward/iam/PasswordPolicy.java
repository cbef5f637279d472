package dev.iamsteward.iam;

/** The account's password policy: what a generated console password must satisfy. */
public record PasswordPolicy(int minimumLength, boolean requireSymbols, boolean requireNumbers,
        boolean requireUppercase, boolean requireLowercase) {

    /** What IAM enforces when the account sets no policy of its own. */
    public static final PasswordPolicy AWS_DEFAULT = new PasswordPolicy(8, true, true, true, true);
}
