package dev.iamsteward.credential;

import dev.iamsteward.common.Secret;
import dev.iamsteward.iam.PasswordPolicy;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Makes console passwords that meet the account's password policy, from a cryptographic random source. */
public final class PasswordGenerator {

    static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    static final String LOWER = "abcdefghijkmnopqrstuvwxyz";
    static final String DIGITS = "23456789";
    /** IAM's accepted symbols: ! @ # $ % ^ & * ( ) _ + - = [ ] { } | ' */
    static final String SYMBOLS = "!@#$%^&*()_+-=[]{}|'";
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordGenerator() {
    }

    /** A password of {@code length} characters or the policy's minimum, whichever is longer. */
    public static Secret generate(PasswordPolicy policy, int length) {
        int size = Math.max(length, policy.minimumLength());
        List<Character> chars = new ArrayList<>(size);
        // One of every class, whatever the policy says, so that a stricter policy later still accepts it.
        for (String alphabet : List.of(UPPER, LOWER, DIGITS, SYMBOLS)) {
            chars.add(pick(alphabet));
        }
        String all = UPPER + LOWER + DIGITS + SYMBOLS;
        while (chars.size() < size) {
            chars.add(pick(all));
        }
        Collections.shuffle(chars, RANDOM);
        StringBuilder password = new StringBuilder(size);
        chars.forEach(password::append);
        return Secret.of(password.toString());
    }

    private static char pick(String alphabet) {
        return alphabet.charAt(RANDOM.nextInt(alphabet.length()));
    }
}
