package dev.iamsteward.idempotency;

import dev.iamsteward.common.StewardException;
import java.util.List;
import java.util.Optional;

/** The value of an {@code Idempotency-Key} header: 1 to 255 visible ASCII characters chosen by the caller. */
public record IdempotencyKey(String value) {

    /** The width of the column that keeps it. */
    public static final int MAX_LENGTH = 255;

    public IdempotencyKey {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH
                || !value.chars().allMatch(c -> c >= '!' && c <= '~')) {
            throw StewardException.invalid(Idempotent.HEADER + " must be 1 to " + MAX_LENGTH
                    + " visible ASCII characters, without spaces");
        }
    }

    /** The key of a request's header values, if it sent one; two keys in one request are refused. */
    static Optional<IdempotencyKey> from(List<String> headerValues) {
        if (headerValues == null || headerValues.isEmpty()) {
            return Optional.empty();
        }
        if (headerValues.size() > 1) {
            throw StewardException.invalid("send one " + Idempotent.HEADER + " header, not " + headerValues.size());
        }
        return Optional.of(new IdempotencyKey(headerValues.get(0)));
    }
}
