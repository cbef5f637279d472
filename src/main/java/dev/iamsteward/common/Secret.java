package dev.iamsteward.common;

import java.util.Objects;

/**
 * A secret value (password, secret access key, MFA seed). It never prints itself, so that a log line, an
 * exception message or a JSON mapper that meets one by accident shows only {@code [redacted]}.
 */
public final class Secret {

    private static final String REDACTED = "[redacted]";

    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    public static Secret of(String value) {
        return new Secret(value);
    }

    /** The value itself; call only where it is handed on to IAM, encrypted, or shown once to its owner. */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return REDACTED;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret secret && secret.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
