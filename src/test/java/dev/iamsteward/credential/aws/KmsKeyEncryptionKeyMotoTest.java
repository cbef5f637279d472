package dev.iamsteward.credential.aws;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamsteward.common.Secret;
import dev.iamsteward.credential.Envelope;
import dev.iamsteward.credential.KeyEncryptionKey;
import dev.iamsteward.support.MotoServer;
import io.opentelemetry.api.OpenTelemetry;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.InvalidCiphertextException;

/**
 * The KMS key-encryption key against moto over HTTP. moto really encrypts, binds the encryption context as
 * authenticated data and checks a Decrypt's KeyId against the ciphertext's key; it does not evaluate key
 * policies, grants or IAM permissions, and answers a KeyId mismatch with AccessDenied where KMS says
 * IncorrectKeyException.
 */
class KmsKeyEncryptionKeyMotoTest {

    private static final String ALIAS = "alias/iam-steward-test";
    private static final byte[] AAD = "iam-steward:delivery:d-1:request:r-1".getBytes(StandardCharsets.UTF_8);

    private final MotoServer moto = MotoServer.get();
    private KmsClient setup;
    private String keyArn;

    @BeforeEach
    void freshKey() {
        moto.reset();
        setup = KmsClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).region(Region.US_EAST_1)
                .endpointOverride(moto.endpoint()).build();
        keyArn = setup.createKey(r -> r.description("iam-steward test KEK")).keyMetadata().arn();
        setup.createAlias(r -> r.aliasName(ALIAS).targetKeyId(keyArn));
    }

    @AfterEach
    void close() {
        setup.close();
    }

    @Test
    void wrapsAndUnwrapsADataKey() {
        try (KmsKeyEncryptionKey kek = kek(keyArn)) {
            byte[] dataKey = randomKey();

            byte[] wrapped = kek.wrap(dataKey, AAD);

            assertEquals(keyArn, kek.keyId());
            assertFalse(Arrays.equals(dataKey, wrapped), "the wrapped key is the data key in the clear");
            assertArrayEquals(dataKey, kek.unwrap(wrapped, kek.keyId(), AAD));
        }
    }

    @Test
    void theEncryptionContextIsTheAssociatedData() {
        try (KmsKeyEncryptionKey kek = kek(keyArn)) {
            byte[] dataKey = randomKey();
            byte[] wrapped = kek.wrap(dataKey, AAD);

            byte[] plain = setup.decrypt(r -> r.ciphertextBlob(SdkBytes.fromByteArray(wrapped))
                    .encryptionContext(Map.of("iam-steward:delivery", new String(AAD, StandardCharsets.UTF_8))))
                    .plaintext().asByteArray();

            assertArrayEquals(dataKey, plain);
            assertThrows(InvalidCiphertextException.class,
                    () -> setup.decrypt(r -> r.ciphertextBlob(SdkBytes.fromByteArray(wrapped))));
        }
    }

    @Test
    void otherAssociatedDataDoesNotUnwrap() {
        try (KmsKeyEncryptionKey kek = kek(keyArn)) {
            byte[] wrapped = kek.wrap(randomKey(), AAD);
            byte[] otherAad = "iam-steward:delivery:d-2:request:r-1".getBytes(StandardCharsets.UTF_8);

            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> kek.unwrap(wrapped, kek.keyId(), otherAad));
            assertTrue(refused.getMessage().contains("InvalidCiphertextException"), refused.getMessage());
        }
    }

    @Test
    void aKeyWrappedWithAnotherKekIsRefusedBeforeKmsIsAsked() {
        try (KmsKeyEncryptionKey kek = kek(keyArn)) {
            byte[] wrapped = kek.wrap(randomKey(), AAD);

            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> kek.unwrap(wrapped, "local:0123456789abcdef", AAD));
            assertTrue(refused.getMessage().contains("local:0123456789abcdef"), refused.getMessage());
        }
    }

    @Test
    void anAliasNamesTheKey() {
        try (KmsKeyEncryptionKey byAlias = kek(ALIAS); KmsKeyEncryptionKey byArn = kek(keyArn)) {
            byte[] dataKey = randomKey();
            byte[] wrapped = byAlias.wrap(dataKey, AAD);

            assertEquals(ALIAS, byAlias.keyId());
            assertArrayEquals(dataKey, byAlias.unwrap(wrapped, ALIAS, AAD));
            // The same KMS key under its ARN opens it too: the alias is only a name for the key.
            assertArrayEquals(dataKey, byArn.unwrap(wrapped, keyArn, AAD));
        }
    }

    @Test
    void aDecryptPinnedToAnotherKeyFails() {
        String otherKey = setup.createKey(r -> r.description("another key")).keyMetadata().arn();
        try (KmsKeyEncryptionKey kek = kek(keyArn); KmsKeyEncryptionKey other = kek(otherKey)) {
            byte[] wrapped = kek.wrap(randomKey(), AAD);

            assertThrows(IllegalStateException.class, () -> other.unwrap(wrapped, otherKey, AAD));
        }
    }

    @Test
    void anEnvelopeSealsAndOpensWithTheKmsKek() throws Exception {
        try (KmsKeyEncryptionKey kek = kek(keyArn)) {
            Envelope envelope = envelope(kek);
            Secret secret = Secret.of("test-secret/made-up-for-this-test/NOTAKEY0");

            Envelope.Sealed sealed = envelope.seal(secret, "delivery-1");

            assertEquals(keyArn, sealed.keyId());
            assertFalse(new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1).contains(secret.reveal()));
            assertEquals(secret, envelope.open(sealed, "delivery-1"));
            assertThrows(IllegalStateException.class, () -> envelope.open(sealed, "delivery-2"));
        }
    }

    @Test
    void aKeyIdIsRequired() {
        KmsConfig none = TestCredentialAwsConfig.kms(Map.of());
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> new KmsKeyEncryptionKey(none, setup));

        assertTrue(refused.getMessage().contains("steward.credentials.kms.key-id"), refused.getMessage());
        assertEquals("us-east-1", none.region());
    }

    private KmsKeyEncryptionKey kek(String keyId) {
        return KmsKeyEncryptionKey.from(TestCredentialAwsConfig.kms(Map.of(
                "steward.credentials.kms.key-id", keyId,
                "steward.credentials.kms.endpoint", moto.endpoint().toString())), OpenTelemetry.noop());
    }

    private static Envelope envelope(KeyEncryptionKey kek) {
        return new Envelope(kek);
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
