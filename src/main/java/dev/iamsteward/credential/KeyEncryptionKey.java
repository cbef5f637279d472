package dev.iamsteward.credential;

/** Wraps and unwraps data keys: a local key in the embedded default, AWS KMS in production. */
public interface KeyEncryptionKey {

    /** Identifies the key that wrapped a data key, so that the right one unwraps it. */
    String keyId();

    byte[] wrap(byte[] dataKey, byte[] associatedData);

    byte[] unwrap(byte[] wrappedKey, String keyId, byte[] associatedData);
}
