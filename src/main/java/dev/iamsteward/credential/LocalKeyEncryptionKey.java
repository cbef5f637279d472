package dev.iamsteward.credential;

import io.quarkus.logging.Log;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/** A key-encryption key held in the service's configuration (or made at start), wrapping with AES-GCM. */
public class LocalKeyEncryptionKey implements KeyEncryptionKey {

    private final byte[] key;
    private final String keyId;

    public LocalKeyEncryptionKey(CredentialConfig config) {
        this(config.localKey().map(k -> Base64.getDecoder().decode(k)).orElseGet(() -> {
            Log.warn("No steward.credentials.local-key: secrets are wrapped with a key made at start and will not "
                    + "survive a restart");
            return AesGcm.newKey();
        }));
    }

    LocalKeyEncryptionKey(byte[] key) {
        if (key.length != AesGcm.KEY_BYTES) {
            throw new IllegalArgumentException("steward.credentials.local-key must be 32 bytes in Base64");
        }
        this.key = key.clone();
        this.keyId = "local:" + fingerprint(key);
    }

    @Override
    public String keyId() {
        return keyId;
    }

    @Override
    public byte[] wrap(byte[] dataKey, byte[] associatedData) {
        return AesGcm.encrypt(key, dataKey, associatedData);
    }

    @Override
    public byte[] unwrap(byte[] wrappedKey, String wrappedWith, byte[] associatedData) {
        if (!keyId.equals(wrappedWith)) {
            throw new IllegalStateException("data key was wrapped with " + wrappedWith + ", not " + keyId);
        }
        return AesGcm.decrypt(key, wrappedKey, associatedData);
    }

    /** A short, non-secret name for the key: the start of its SHA-256. */
    private static String fingerprint(byte[] key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
