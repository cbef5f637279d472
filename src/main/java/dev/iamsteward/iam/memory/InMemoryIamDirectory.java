package dev.iamsteward.iam.memory;

import dev.iamsteward.iam.Attribution;
import dev.iamsteward.iam.IamDirectory;
import dev.iamsteward.iam.IamException;
import dev.iamsteward.iam.IamNames;
import dev.iamsteward.iam.IamPage;
import dev.iamsteward.iam.IamUser;
import dev.iamsteward.iam.NewUser;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.nio.charset.StandardCharsets;

/**
 * A strict in-memory IAM with AWS's documented semantics for the calls the service makes: name and path
 * rules, case-insensitive uniqueness, tag limits, paging with markers, and injectable faults. It is the
 * sandbox backend and the IAM that business-logic tests run against.
 */
@Singleton
@Typed(InMemoryIamDirectory.class)
public class InMemoryIamDirectory implements IamDirectory {

    public static final String ACCOUNT_ID = "000000000000";
    private static final int MAX_ITEMS_LIMIT = 1000;

    private final Clock clock;
    private final Faults faults = new Faults();
    private final List<IamCall> calls = new ArrayList<>();
    /** Users by lower-cased name: IAM names are unique regardless of case. */
    private final Map<String, IamUser> users = new TreeMap<>();

    @Inject
    public InMemoryIamDirectory(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized IamUser createUser(NewUser user, Attribution attribution) {
        enter("CreateUser", user.userName(), attribution);
        requireUserName(user.userName());
        if (!IamNames.isPath(user.path())) {
            throw new IamException.InvalidInput("Path '" + user.path() + "' does not match the IAM path pattern");
        }
        validateTags(user.tags());
        String key = key(user.userName());
        if (users.containsKey(key)) {
            throw new IamException.EntityAlreadyExists("User with name " + user.userName() + " already exists.");
        }
        IamUser created = new IamUser(user.userName(), userId(), "arn:aws:iam::" + ACCOUNT_ID + ":user"
                + user.path() + user.userName(), user.path(), clock.instant(), user.permissionsBoundaryArn(),
                user.tags());
        users.put(key, created);
        return created;
    }

    @Override
    public synchronized Optional<IamUser> findUser(String userName) {
        enter("GetUser", userName, null);
        requireUserName(userName);
        return Optional.ofNullable(users.get(key(userName)));
    }

    @Override
    public synchronized IamPage<IamUser> listUsers(String pathPrefix, String marker, int maxItems) {
        enter("ListUsers", null, null);
        if (maxItems < 1 || maxItems > MAX_ITEMS_LIMIT) {
            throw new IamException.InvalidInput("MaxItems must be between 1 and " + MAX_ITEMS_LIMIT);
        }
        String after = marker == null ? null : decodeMarker(marker);
        List<IamUser> matching = users.entrySet().stream()
                .filter(e -> after == null || e.getKey().compareTo(after) > 0)
                .map(Map.Entry::getValue)
                .filter(u -> u.path().startsWith(pathPrefix))
                .toList();
        List<IamUser> page = matching.stream().limit(maxItems).toList();
        Optional<String> next = matching.size() > maxItems
                ? Optional.of(encodeMarker(key(page.get(page.size() - 1).userName())))
                : Optional.empty();
        return new IamPage<>(page, next);
    }

    @Override
    public Backend backend() {
        return new Backend("in-memory", true, "account " + ACCOUNT_ID + " (simulated)");
    }

    /** Failures to raise on coming calls. */
    public Faults faults() {
        return faults;
    }

    /** Every call made so far, faulted or not, in order. */
    public synchronized List<IamCall> calls() {
        return List.copyOf(calls);
    }

    /** Forgets all users, calls and faults. */
    public synchronized void reset() {
        users.clear();
        calls.clear();
        faults.clear();
    }

    private void enter(String operation, String userName, Attribution attribution) {
        calls.add(new IamCall(operation, userName, attribution));
        Optional<IamException> fault = faults.next(operation);
        if (fault.isPresent()) {
            throw fault.get();
        }
    }

    private static void requireUserName(String userName) {
        if (!IamNames.isUserName(userName)) {
            throw new IamException.InvalidInput("1 validation error detected: Value '" + userName
                    + "' at 'userName' failed to satisfy constraint: Member must satisfy regular expression "
                    + "pattern: [\\w+=,.@-]+ and have length between 1 and 64");
        }
    }

    private static void validateTags(Map<String, String> tags) {
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

    private static String key(String userName) {
        return userName.toLowerCase(Locale.ROOT);
    }

    private static String userId() {
        return "AIDA" + UUID.randomUUID().toString().replace("-", "").substring(0, 17).toUpperCase(Locale.ROOT);
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
