package dev.iamsteward.credential.aws;

import dev.iamsteward.credential.KeyEncryptionKey;
import io.opentelemetry.api.OpenTelemetry;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * A key-encryption key in AWS KMS: data keys are wrapped with Encrypt and unwrapped with Decrypt, under an
 * encryption context made of the associated data, so KMS refuses to unwrap a data key for any other delivery.
 */
public class KmsKeyEncryptionKey implements KeyEncryptionKey, AutoCloseable {

    /** The one encryption-context key; its value is the associated data. KMS records it in CloudTrail. */
    static final String CONTEXT_KEY = "iam-steward:delivery";

    private final String keyId;
    private final KmsClient kms;

    /** Wraps with the configured key through {@code kms}, which {@link #close()} closes. */
    public KmsKeyEncryptionKey(KmsConfig config, KmsClient kms) {
        this.keyId = config.keyId().filter(id -> !id.isBlank()).orElseThrow(() -> new IllegalStateException(
                "steward.credentials.kms.key-id must name a KMS key to wrap secrets with KMS"));
        this.kms = kms;
    }

    /** A key-encryption key with its own KMS client, built from {@code config}. */
    public static KmsKeyEncryptionKey from(KmsConfig config, OpenTelemetry telemetry) {
        return new KmsKeyEncryptionKey(config, CredentialClients.kms(config, telemetry));
    }

    @Override
    public String keyId() {
        return keyId;
    }

    @Override
    public byte[] wrap(byte[] dataKey, byte[] associatedData) {
        try {
            return kms.encrypt(r -> r.keyId(keyId).plaintext(SdkBytes.fromByteArray(dataKey))
                    .encryptionContext(context(associatedData))).ciphertextBlob().asByteArray();
        } catch (SdkException e) {
            throw new IllegalStateException("KMS could not wrap a data key with " + keyId + ": " + reason(e), e);
        }
    }

    @Override
    public byte[] unwrap(byte[] wrappedKey, String wrappedWith, byte[] associatedData) {
        if (!keyId.equals(wrappedWith)) {
            throw new IllegalStateException("data key was wrapped with " + wrappedWith + ", not " + keyId);
        }
        try {
            // KeyId pins the key: KMS would otherwise use whichever key the ciphertext names.
            return kms.decrypt(r -> r.keyId(keyId).ciphertextBlob(SdkBytes.fromByteArray(wrappedKey))
                    .encryptionContext(context(associatedData))).plaintext().asByteArray();
        } catch (SdkException e) {
            throw new IllegalStateException("KMS could not unwrap a data key with " + keyId
                    + " (wrong key, data or associated data?): " + reason(e), e);
        }
    }

    @Override
    public void close() {
        kms.close();
    }

    private static Map<String, String> context(byte[] associatedData) {
        return Map.of(CONTEXT_KEY, new String(associatedData, StandardCharsets.UTF_8));
    }

    private static String reason(SdkException e) {
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            return service.awsErrorDetails().errorCode() + " " + service.awsErrorDetails().errorMessage();
        }
        return e.getMessage();
    }
}
