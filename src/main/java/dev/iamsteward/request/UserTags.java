package dev.iamsteward.request;

import dev.iamsteward.common.StewardException;
import dev.iamsteward.iam.IamNames;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The tags a new user gets: the requester's own, checked against IAM's rules, and the service's. */
final class UserTags {

    private UserTags() {
    }

    static Map<String, String> forNewUser(AccessRequest request) {
        Map<String, String> tags = new LinkedHashMap<>();
        request.tags.forEach((key, value) -> {
            if (key == null || !IamNames.TAG_KEY.matcher(key).matches()) {
                throw StewardException.invalid("tag key '" + key + "' must be 1 to 128 letters, digits, spaces or "
                        + "_ . : / = + - @");
            }
            if (value == null || !IamNames.TAG_VALUE.matcher(value).matches()) {
                throw StewardException.invalid("tag '" + key + "' must have a value of at most 256 letters, digits,"
                        + " spaces or _ . : / = + - @");
            }
            String lower = key.toLowerCase(Locale.ROOT);
            if (lower.startsWith("aws:") || lower.startsWith(RequestPlanner.TAG_PREFIX)) {
                throw StewardException.invalid("tag keys starting with 'aws:' or '" + RequestPlanner.TAG_PREFIX
                        + "' are reserved");
            }
            tags.put(key, value);
        });
        if (!IamNames.TAG_VALUE.matcher(request.owner).matches()) {
            throw StewardException.invalid("owner must be letters, digits, spaces or _ . : / = + - @");
        }
        tags.put(RequestPlanner.REQUEST_TAG, request.id.toString());
        tags.put(RequestPlanner.REQUESTER_TAG, IamNames.toTagValue(request.requester));
        tags.put(RequestPlanner.OWNER_TAG, request.owner);
        if (request.expiresAt != null) {
            tags.put(RequestPlanner.EXPIRES_TAG, request.expiresAt.toString());
        }
        return tags;
    }
}
