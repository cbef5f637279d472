package dev.iamsteward.iam.aws;

import dev.iamsteward.common.Secret;
import dev.iamsteward.iam.CallerIdentity;
import dev.iamsteward.iam.IamException;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * GetCallerIdentity signed with a new access key, on the STS client of the configured region (its regional
 * endpoint, or the configured STS endpoint override), attempted once: the proof decides when to ask again.
 */
final class AwsKeyCheck {

    /**
     * What STS answers for a key it does not (yet, or any longer) accept: an unknown key id, a secret that does not
     * match, or a refusal of the signature's principal.
     */
    private static final Set<String> NOT_AUTHENTICATING = Set.of("InvalidClientTokenId", "SignatureDoesNotMatch",
            "AccessDenied", "AccessDeniedException", "UnrecognizedClientException", "InvalidAccessKeyId",
            "AuthFailure", "IncompleteSignature");

    private final StsClient sts;

    AwsKeyCheck(StsClient sts) {
        this.sts = sts;
    }

    CallerIdentity callerIdentity(String accessKeyId, Secret secretAccessKey) {
        StaticCredentialsProvider key = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(accessKeyId, secretAccessKey.reveal()));
        try {
            GetCallerIdentityResponse answer = sts.getCallerIdentity(r -> r.overrideConfiguration(c -> c
                    .credentialsProvider(key).addPlugin(IamCalls.ATTEMPT_ONCE)));
            return new CallerIdentity(answer.arn(), answer.account(), answer.userId());
        } catch (AwsServiceException e) {
            String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
            if (code != null && NOT_AUTHENTICATING.contains(code)) {
                throw new IamException.KeyNotAuthenticating(code, "STS does not accept access key " + accessKeyId
                        + " (" + code + ")");
            }
            throw AwsErrors.translate(e);
        } catch (SdkException e) {
            throw AwsErrors.translate(e);
        }
    }
}
