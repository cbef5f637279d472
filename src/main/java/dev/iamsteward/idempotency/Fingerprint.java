package dev.iamsteward.idempotency;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** What identifies a request for a retry: its method, its path and the SHA-256 of its body's bytes (hex). */
public record Fingerprint(String method, String path, String bodySha256) {

    public static Fingerprint of(String method, String path, byte[] body) {
        try {
            return new Fingerprint(method, path, HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(body)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
