package dev.iamsteward.request;

import dev.iamsteward.common.ErrorKind;
import dev.iamsteward.common.StewardException;
import dev.iamsteward.iam.IamConfig;
import dev.iamsteward.iam.IamDirectory;
import dev.iamsteward.iam.IamNames;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Checks a submission against the guard rails and the current IAM state, and computes the dry-run plan:
 * the exact IAM calls execution will make.
 */
@ApplicationScoped
public class RequestPlanner {

    /** Tags the service puts on every user it creates, so that it can recognise its own work. */
    public static final String TAG_PREFIX = "iam-steward:";
    public static final String REQUEST_TAG = TAG_PREFIX + "request-id";
    public static final String REQUESTER_TAG = TAG_PREFIX + "requester";
    static final int USER_TAGS_MAX = IamNames.TAGS_MAX - 2;

    private final IamDirectory iam;
    private final IamConfig config;

    RequestPlanner(IamDirectory iam, IamConfig config) {
        this.iam = iam;
        this.config = config;
    }

    /** The path a request's user gets: the managed path unless the request names one below it. */
    String pathFor(SubmitRequest submission) {
        String path = submission.path() == null ? config.managedPath() : submission.path();
        if (!IamNames.isPath(path)) {
            throw StewardException.invalid("path must start and end with '/' and contain only printable ASCII");
        }
        if (!path.startsWith(config.managedPath())) {
            throw StewardException.invalid("path must be under the managed path " + config.managedPath());
        }
        return path;
    }

    List<PlannedCall> plan(UUID requestId, String requester, SubmitRequest submission, String path) {
        Map<String, String> tags = tagsFor(requestId, requester, submission.tagsOrEmpty());
        if (iam.findUser(submission.userName()).isPresent()) {
            throw new StewardException(ErrorKind.USER_EXISTS,
                    "IAM already has a user named '" + submission.userName() + "' (names are case-insensitive)");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("UserName", submission.userName());
        parameters.put("Path", path);
        parameters.put("PermissionsBoundary", config.permissionsBoundaryArn());
        tags.forEach((k, v) -> parameters.put("Tags." + k, v));
        return List.of(new PlannedCall("iam:CreateUser", parameters));
    }

    private static Map<String, String> tagsFor(UUID requestId, String requester, Map<String, String> requested) {
        Map<String, String> tags = new LinkedHashMap<>();
        requested.forEach((key, value) -> {
            if (key == null || !IamNames.TAG_KEY.matcher(key).matches()) {
                throw StewardException.invalid("tag key '" + key + "' must be 1 to 128 letters, digits, spaces or "
                        + "_ . : / = + - @");
            }
            if (value == null || !IamNames.TAG_VALUE.matcher(value).matches()) {
                throw StewardException.invalid("tag '" + key + "' must have a value of at most 256 letters, digits,"
                        + " spaces or _ . : / = + - @");
            }
            String lower = key.toLowerCase(Locale.ROOT);
            if (lower.startsWith("aws:") || lower.startsWith(TAG_PREFIX)) {
                throw StewardException.invalid("tag keys starting with 'aws:' or '" + TAG_PREFIX + "' are reserved");
            }
            tags.put(key, value);
        });
        tags.put(REQUEST_TAG, requestId.toString());
        tags.put(REQUESTER_TAG, IamNames.toTagValue(requester));
        return tags;
    }
}
