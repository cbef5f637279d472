package dev.iamsteward.iam.aws;

import dev.iamsteward.iam.IamException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/** Turns the SDK's exceptions into the port's {@link IamException}s, by IAM error code. */
final class AwsErrors {

    /** Codes that mean "not now": throttling, and IAM's transient conflicts, which AWS says to retry. */
    private static final Set<String> RETRY_LATER = Set.of("Throttling", "ThrottlingException",
            "RequestLimitExceeded", "TooManyRequestsException", "ConcurrentModification",
            "EntityTemporarilyUnmodifiable");
    /** Codes that mean the call itself is wrong, including a bad MFA code pair or a too-weak password. */
    private static final Set<String> INVALID = Set.of("InvalidInput", "ValidationError",
            "MalformedPolicyDocument", "InvalidParameterValue", "InvalidAuthenticationCode",
            "PasswordPolicyViolation");
    /** The port's exception for each IAM error code that names one kind of failure. */
    private static final Map<String, Function<String, IamException>> KIND_BY_CODE = kindByCode();
    /** Every code of this prefix (AccessDenied, AccessDeniedException, ...) is a refusal. */
    private static final String ACCESS_DENIED = "AccessDenied";
    private static final int FORBIDDEN = 403;
    private static final int SERVER_ERROR = 500;

    private AwsErrors() {
    }

    static IamException translate(SdkException error) {
        if (error instanceof AwsServiceException service) {
            return translate(service);
        }
        if (error instanceof SdkClientException) {
            return new IamException.Unavailable("IAM could not be reached: " + error.getMessage());
        }
        return new IamException.Unavailable(error.getMessage());
    }

    private static IamException translate(AwsServiceException error) {
        String code = error.awsErrorDetails() == null ? null : error.awsErrorDetails().errorCode();
        String message = error.awsErrorDetails() == null || error.awsErrorDetails().errorMessage() == null
                ? error.getMessage()
                : error.awsErrorDetails().errorMessage();
        Function<String, IamException> kind = kindOf(code);
        return kind != null ? kind.apply(message) : byStatus(error, code, message);
    }

    private static Function<String, IamException> kindOf(String code) {
        if (code == null) {
            return null;
        }
        return code.startsWith(ACCESS_DENIED) ? IamException.AccessDenied::new : KIND_BY_CODE.get(code);
    }

    /** For a code IAM Steward does not know, or none: what the SDK and the HTTP status say. */
    private static IamException byStatus(AwsServiceException error, String code, String message) {
        if (error.isThrottlingException()) {
            return new IamException.Throttled(message);
        }
        if (error.statusCode() == FORBIDDEN) {
            return new IamException.AccessDenied("IAM refused the call (HTTP 403): " + message);
        }
        if (error.statusCode() >= SERVER_ERROR) {
            return new IamException.Unavailable(message);
        }
        return new IamException.InvalidInput((code == null ? "" : code + ": ") + message);
    }

    private static Map<String, Function<String, IamException>> kindByCode() {
        Map<String, Function<String, IamException>> kinds = new HashMap<>();
        kinds.put("EntityAlreadyExists", IamException.EntityAlreadyExists::new);
        kinds.put("NoSuchEntity", IamException.NoSuchEntity::new);
        kinds.put("DeleteConflict", IamException.DeleteConflict::new);
        kinds.put("ReportNotPresent", IamException.ReportNotPresent::new);
        kinds.put("ReportExpired", IamException.ReportExpired::new);
        kinds.put("ReportInProgress", IamException.ReportInProgress::new);
        kinds.put("LimitExceeded", IamException.LimitExceeded::new);
        kinds.put("AccountNotManagementOrDelegatedAdministrator", IamException.AccessDenied::new);
        RETRY_LATER.forEach(code -> kinds.put(code, IamException.Throttled::new));
        INVALID.forEach(code -> kinds.put(code, IamException.InvalidInput::new));
        return Map.copyOf(kinds);
    }
}
