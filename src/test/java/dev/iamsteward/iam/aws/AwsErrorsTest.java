package dev.iamsteward.iam.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamsteward.iam.IamException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.iam.model.IamException.Builder;

/** How SDK failures become the port's typed exceptions, by error code first and HTTP status second. */
class AwsErrorsTest {

    @ParameterizedTest
    @CsvSource({
        "EntityAlreadyExists, 409, EntityAlreadyExists",
        "NoSuchEntity, 404, NoSuchEntity",
        "LimitExceeded, 409, LimitExceeded",
        "DeleteConflict, 409, DeleteConflict",
        "AccessDenied, 403, AccessDenied",
        "AccessDeniedException, 400, AccessDenied",
        "Throttling, 400, Throttling",
        "RequestLimitExceeded, 503, Throttling",
        "ConcurrentModification, 409, Throttling",
        "InvalidInput, 400, InvalidInput",
        "ValidationError, 400, InvalidInput",
        "MalformedPolicyDocument, 400, InvalidInput",
        // IAM answers a wrong MFA code pair with 403; the code, not the status, decides.
        "InvalidAuthenticationCode, 403, InvalidInput",
        "PasswordPolicyViolation, 400, InvalidInput",
        "InvalidClientTokenId, 403, AccessDenied",
        "ServiceFailure, 500, ServiceFailure",
        "SomethingNew, 400, InvalidInput",
    })
    void errorCodesAndStatusesMapToTheirKind(String code, int status, String kind) {
        IamException translated = AwsErrors.translate(iamError(status).awsErrorDetails(
                AwsErrorDetails.builder().errorCode(code).errorMessage("IAM says no").build()).build());

        assertEquals(kind, translated.code());
        assertTrue(translated.getMessage().contains("IAM says no"), translated.getMessage());
    }

    @Test
    void bare403IsAccessDenied() {
        IamException translated = AwsErrors.translate(iamError(403).message("Forbidden").build());

        assertInstanceOf(IamException.AccessDenied.class, translated);
        assertTrue(translated.getMessage().contains("HTTP 403"), translated.getMessage());
    }

    @Test
    void bare429IsRetryableThrottling() {
        IamException translated = AwsErrors.translate(iamError(429).message("Too Many Requests").build());

        assertInstanceOf(IamException.Throttled.class, translated);
        assertTrue(translated.retryable());
    }

    @Test
    void bare5xxIsRetryableUnavailable() {
        IamException translated = AwsErrors.translate(iamError(502).message("Bad Gateway").build());

        assertInstanceOf(IamException.Unavailable.class, translated);
        assertTrue(translated.retryable());
    }

    @Test
    void unreachableIamIsRetryableUnavailable() {
        IamException translated = AwsErrors.translate(SdkClientException.create("Connection refused"));

        assertInstanceOf(IamException.Unavailable.class, translated);
        assertTrue(translated.getMessage().contains("Connection refused"), translated.getMessage());
    }

    private static Builder iamError(int status) {
        return software.amazon.awssdk.services.iam.model.IamException.builder().statusCode(status);
    }
}
