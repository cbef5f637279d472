package dev.iamsteward.credential;

import dev.iamsteward.common.Secret;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Envelope encryption: each secret gets its own AES-256-GCM data key, and only the data key, wrapped by the
 * key-encryption key, is stored beside the ciphertext. The associated data binds both to one delivery.
 */
@ApplicationScoped
public class Envelope {

    /** What is stored: the sealed secret, its wrapped data key and the id of the key that wrapped it. */
    public record Sealed(byte[] ciphertext, byte[] wrappedKey, String keyId) {
    }

    private final KeyEncryptionKey kek;

    public Envelope(KeyEncryptionKey kek) {
        this.kek = kek;
    }

    public Sealed seal(Secret secret, String associatedData) {
        byte[] aad = associatedData.getBytes(StandardCharsets.UTF_8);
        byte[] dataKey = AesGcm.newKey();
        try {
            byte[] ciphertext = AesGcm.encrypt(dataKey, secret.reveal().getBytes(StandardCharsets.UTF_8), aad);
            return new Sealed(ciphertext, kek.wrap(dataKey, aad), kek.keyId());
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    public Secret open(Sealed sealed, String associatedData) {
        byte[] aad = associatedData.getBytes(StandardCharsets.UTF_8);
        byte[] dataKey = kek.unwrap(sealed.wrappedKey(), sealed.keyId(), aad);
        try {
            return Secret.of(new String(AesGcm.decrypt(dataKey, sealed.ciphertext(), aad), StandardCharsets.UTF_8));
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }
}
