package dev.iamsteward.iam.memory;

import dev.iamsteward.iam.IamException;
import dev.iamsteward.iam.IamNames;
import dev.iamsteward.iam.IamPage;
import dev.iamsteward.iam.IamUser;
import dev.iamsteward.iam.NewUser;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The account's users, unique regardless of case, with IAM's rules for names, paths, tags and paging. */
final class Users {

    private static final int MAX_ITEMS_LIMIT = 1000;

    /** By lower-cased name, which is also IAM's listing order. */
    private final Map<String, UserState> byKey = new TreeMap<>();

    IamUser create(NewUser user, Instant now, String accountId) {
        requireName(user.userName());
        if (!IamNames.isPath(user.path())) {
            throw new IamException.InvalidInput("Path '" + user.path() + "' does not match the IAM path pattern");
        }
        validateTags(user.tags());
        String key = InMemoryIamDirectory.key(user.userName());
        if (byKey.containsKey(key)) {
            throw new IamException.EntityAlreadyExists("User with name " + user.userName() + " already exists.");
        }
        IamUser created = new IamUser(user.userName(), IamIds.userId(), "arn:aws:iam::"
                + accountId + ":user" + user.path() + user.userName(), user.path(), now,
                user.permissionsBoundaryArn(), user.tags());
        byKey.put(key, new UserState(created));
        return created;
    }

    Optional<IamUser> find(String userName) {
        requireName(userName);
        return Optional.ofNullable(byKey.get(InMemoryIamDirectory.key(userName))).map(UserState::user);
    }

    /** The user's state; NoSuchEntity when there is no such user. */
    UserState require(String userName) {
        requireName(userName);
        UserState user = byKey.get(InMemoryIamDirectory.key(userName));
        if (user == null) {
            throw new IamException.NoSuchEntity("The user with name " + userName + " cannot be found.");
        }
        return user;
    }

    void remove(String userName) {
        byKey.remove(InMemoryIamDirectory.key(userName));
    }

    /** Access key ids are unique across the account, so a key has at most one owner. */
    Optional<UserState> keyOwner(String accessKeyId) {
        return byKey.values().stream().filter(u -> u.accessKeys().holds(accessKeyId)).findFirst();
    }

    IamPage<IamUser> page(String pathPrefix, String marker, int maxItems) {
        if (maxItems < 1 || maxItems > MAX_ITEMS_LIMIT) {
            throw new IamException.InvalidInput("MaxItems must be between 1 and " + MAX_ITEMS_LIMIT);
        }
        String after = marker == null ? null : decodeMarker(marker);
        List<IamUser> matching = byKey.entrySet().stream()
                .filter(e -> after == null || e.getKey().compareTo(after) > 0)
                .map(e -> e.getValue().user())
                .filter(u -> u.path().startsWith(pathPrefix))
                .toList();
        List<IamUser> page = matching.stream().limit(maxItems).toList();
        Optional<String> next = matching.size() > maxItems
                ? Optional.of(encodeMarker(InMemoryIamDirectory.key(page.get(page.size() - 1).userName())))
                : Optional.empty();
        return new IamPage<>(page, next);
    }

    /** Every user, in IAM's listing order. */
    List<UserState> all() {
        return List.copyOf(byKey.values());
    }

    void clear() {
        byKey.clear();
    }

    static void requireName(String userName) {
        if (!IamNames.isUserName(userName)) {
            throw new IamException.InvalidInput("1 validation error detected: Value '" + userName
                    + "' at 'userName' failed to satisfy constraint: Member must satisfy regular expression "
                    + "pattern: [\\w+=,.@-]+ and have length between 1 and 64");
        }
    }

    static void validateTags(Map<String, String> tags) {
        if (tags.size() > IamNames.TAGS_MAX) {
            throw new IamException.LimitExceeded("A user can have at most " + IamNames.TAGS_MAX + " tags");
        }
        tags.forEach((k, v) -> {
            if (!IamNames.TAG_KEY.matcher(k).matches() || !IamNames.TAG_VALUE.matcher(v).matches()) {
                throw new IamException.InvalidInput("Tag '" + k + "' has an invalid key or value");
            }
            if (k.toLowerCase(Locale.ROOT).startsWith("aws:")) {
                throw new IamException.InvalidInput("Tag keys may not start with 'aws:'");
            }
        });
    }

    private static String encodeMarker(String key) {
        return Base64.getUrlEncoder().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    private static String decodeMarker(String marker) {
        try {
            return new String(Base64.getUrlDecoder().decode(marker), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IamException.InvalidInput("Invalid Marker");
        }
    }
}
