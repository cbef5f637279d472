package dev.iamsteward.iam.memory;

import dev.iamsteward.common.Secret;
import dev.iamsteward.iam.IamException;
import dev.iamsteward.iam.PasswordPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/** IAM's checks on a console password: the API's length and character rules, then the account's policy. */
final class PasswordRules {

    /** The only characters IAM counts as symbols for RequireSymbols. */
    static final String SYMBOLS = "!@#$%^&*()_+-=[]{}|'";
    private static final int MAX_LENGTH = 128;

    private PasswordRules() {
    }

    /** Throws InvalidInput as IAM does: a ValidationError for a malformed password, else PasswordPolicyViolation. */
    static void check(Secret password, PasswordPolicy policy) {
        String value = password.reveal();
        if (value.isEmpty() || value.length() > MAX_LENGTH
                || !value.chars().allMatch(c -> c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xFF))) {
            // The message never quotes the password: exception messages end up in logs.
            throw new IamException.InvalidInput("1 validation error detected: Value at 'password' failed to satisfy "
                    + "constraint: Member must have length between 1 and " + MAX_LENGTH
                    + " and hold only tab, line breaks and characters U+0020 to U+00FF");
        }
        List<String> violations = new ArrayList<>();
        if (value.length() < policy.minimumLength()) {
            violations.add("Password should have at least " + policy.minimumLength() + " characters");
        }
        require(policy.requireSymbols(), value, c -> SYMBOLS.indexOf(c) >= 0, "one symbol", violations);
        require(policy.requireNumbers(), value, c -> c >= '0' && c <= '9', "one number", violations);
        require(policy.requireUppercase(), value, c -> c >= 'A' && c <= 'Z', "one uppercase letter", violations);
        require(policy.requireLowercase(), value, c -> c >= 'a' && c <= 'z', "one lowercase letter", violations);
        if (!violations.isEmpty()) {
            throw new IamException.InvalidInput("PasswordPolicyViolation: " + String.join("; ", violations));
        }
    }

    private static void require(boolean required, String value, IntPredicate kind, String what,
            List<String> violations) {
        if (required && value.chars().noneMatch(kind)) {
            violations.add("Password should have at least " + what);
        }
    }
}
