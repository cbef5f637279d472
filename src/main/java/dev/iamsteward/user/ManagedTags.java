package dev.iamsteward.user;

import dev.iamsteward.request.RequestPlanner;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** Reads the tags this service puts on the users it creates. */
final class ManagedTags {

    private ManagedTags() {
    }

    static String owner(Map<String, String> tags) {
        return tags.get(RequestPlanner.OWNER_TAG);
    }

    static String createdByRequest(Map<String, String> tags) {
        return tags.get(RequestPlanner.REQUEST_TAG);
    }

    /** The expiry tag as an instant; null when absent or unparsable, since anyone with iam:TagUser may edit it. */
    static Instant expiresAt(Map<String, String> tags) {
        String value = tags.get(RequestPlanner.EXPIRES_TAG);
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
