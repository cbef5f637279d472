package dev.iamsteward.credential;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.iamsteward.common.Secret;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Envelope encryption seals each secret under its own data key, bound to its associated data. */
class EnvelopeTest {

    private static final Secret SECRET = Secret.of("test-secret/made-up-for-this-test/NOTAKEY0");

    private final LocalKeyEncryptionKey kek = new LocalKeyEncryptionKey(AesGcm.newKey());
    private final Envelope envelope = new Envelope(kek);

    @Test
    void sealsAndOpensWithTheSameAssociatedData() {
        Envelope.Sealed sealed = envelope.seal(SECRET, "delivery-1");

        assertEquals(SECRET, envelope.open(sealed, "delivery-1"));
        assertEquals(kek.keyId(), sealed.keyId());
        assertFalse(new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1).contains("NOTAKEY0"));
    }

    @Test
    void refusesOtherAssociatedDataATamperedCiphertextOrAnotherKey() {
        Envelope.Sealed sealed = envelope.seal(SECRET, "delivery-1");
        byte[] tampered = sealed.ciphertext().clone();
        tampered[tampered.length - 1] ^= 1;

        assertThrows(IllegalStateException.class, () -> envelope.open(sealed, "delivery-2"));
        assertThrows(IllegalStateException.class, () -> envelope.open(
                new Envelope.Sealed(tampered, sealed.wrappedKey(), sealed.keyId()), "delivery-1"));
        Envelope other = new Envelope(new LocalKeyEncryptionKey(AesGcm.newKey()));
        assertThrows(IllegalStateException.class, () -> other.open(sealed, "delivery-1"));
    }

    @Test
    void everySecretGetsItsOwnDataKeyAndNonce() {
        Envelope.Sealed first = envelope.seal(SECRET, "same");
        Envelope.Sealed second = envelope.seal(SECRET, "same");

        assertNotEquals(new String(first.wrappedKey(), StandardCharsets.ISO_8859_1),
                new String(second.wrappedKey(), StandardCharsets.ISO_8859_1));
        assertNotEquals(new String(first.ciphertext(), StandardCharsets.ISO_8859_1),
                new String(second.ciphertext(), StandardCharsets.ISO_8859_1));
    }

    @Test
    void aLocalKeyMustBe256Bits() {
        assertThrows(IllegalArgumentException.class, () -> new LocalKeyEncryptionKey(new byte[16]));
        byte[] key = AesGcm.newKey();
        assertArrayEquals(key, AesGcm.decrypt(key, AesGcm.encrypt(key, key, new byte[0]), new byte[0]));
    }
}
