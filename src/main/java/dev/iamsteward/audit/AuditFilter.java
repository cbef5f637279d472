package dev.iamsteward.audit;

import dev.iamsteward.common.Instants;
import dev.iamsteward.common.StewardException;
import java.time.Instant;
import java.util.UUID;

/** Which audit rows a listing asks for; every part is optional, {@code since} inclusive, {@code until} not. */
public record AuditFilter(UUID requestId, String account, String actor, String action, Instant since,
        Instant until) {

    public AuditFilter {
        if (since != null && until != null && !since.isBefore(until)) {
            throw StewardException.invalid("since must be before until");
        }
    }

    /** The filter a listing's query parameters describe; a value that is not what it should be is invalid input. */
    public static AuditFilter of(String requestId, String account, String actor, String action, String since,
            String until) {
        return new AuditFilter(uuid(requestId), account, actor, action, instant("since", since),
                instant("until", until));
    }

    private static UUID uuid(String value) {
        if (value == null) {
            return null;
        }
        try {
            UUID id = UUID.fromString(value);
            // UUID.fromString accepts shortened groups such as 1-2-3-4-5; only the canonical form names a request.
            if (id.toString().equalsIgnoreCase(value)) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw StewardException.invalid("requestId must be a UUID");
    }

    private static Instant instant(String name, String value) {
        if (value == null) {
            return null;
        }
        return Instants.parse(name, value);
    }
}
