package dev.iamsteward.common;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Instants as clients send them: ISO-8601 text within years 1970 to 9999, the range the database, IAM and
 * every client can hold; anything else is the caller's mistake rather than an overflow further in.
 */
public final class Instants {

    public static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");
    public static final String EXAMPLE = "2025-01-31T09:00:00Z";

    private Instants() {
    }

    /** The instant {@code value} names, or why it is refused (the message names the field). */
    public static Instant parse(String name, String value) {
        Instant instant;
        try {
            instant = Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw StewardException.invalid(name + " must be an ISO-8601 instant such as " + EXAMPLE);
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw StewardException.invalid(name + " must be between " + EARLIEST + " and " + LATEST);
        }
        return instant;
    }
}
