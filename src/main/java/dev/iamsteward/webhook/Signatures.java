package dev.iamsteward.webhook;

import dev.iamsteward.common.Secret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HMAC-SHA256 schemes of webhooks, over the raw body bytes: Standard Webhooks ({@code v1,<base64>} over
 * {@code id.timestamp.body} with a {@code whsec_} secret) and the {@code sha256=<hex>} of Jira and GitHub.
 * Every comparison is of bytes, in constant time.
 */
public final class Signatures {

    /** The Standard Webhooks headers: the message id, its timestamp and its signatures. */
    public static final String WEBHOOK_ID = "webhook-id";
    public static final String WEBHOOK_TIMESTAMP = "webhook-timestamp";
    public static final String WEBHOOK_SIGNATURE = "webhook-signature";
    private static final String WHSEC = "whsec_";
    private static final String HMAC = "HmacSHA256";
    private static final String HUB_PREFIX = "sha256=";

    private Signatures() {
    }

    /** The Standard Webhooks signature of a message, {@code v1,<base64>}. */
    public static String standard(Secret secret, String id, long timestamp, byte[] body) {
        return "v1," + Base64.getEncoder().encodeToString(standardMac(secret, id, timestamp, body));
    }

    /** Whether any {@code v1} signature of the header matches the message under any of the secrets. */
    public static boolean standardMatches(List<Secret> secrets, String id, long timestamp, byte[] body,
            String header) {
        boolean match = false;
        for (Secret secret : secrets) {
            byte[] expected = standardMac(secret, id, timestamp, body);
            for (String signature : header.trim().split(" +")) {
                if (signature.startsWith("v1,")) {
                    match |= MessageDigest.isEqual(expected, decodeBase64(signature.substring(3)));
                }
            }
        }
        return match;
    }

    /** The {@code sha256=<hex>} signature of a body, as Jira and GitHub send it. */
    public static String hub(Secret secret, byte[] body) {
        return HUB_PREFIX + HexFormat.of().formatHex(mac(secret.reveal().getBytes(StandardCharsets.UTF_8), body));
    }

    /** Whether a {@code sha256=<hex>} header matches the body under any of the secrets. */
    public static boolean hubMatches(List<Secret> secrets, byte[] body, String header) {
        if (!header.startsWith(HUB_PREFIX)) {
            return false;
        }
        byte[] given = decodeHex(header.substring(HUB_PREFIX.length()));
        boolean match = false;
        for (Secret secret : secrets) {
            match |= MessageDigest.isEqual(mac(secret.reveal().getBytes(StandardCharsets.UTF_8), body), given);
        }
        return match;
    }

    /** Whether a token equals any of the secrets; hashed first, so that the time taken says nothing of length. */
    public static boolean tokenMatches(List<Secret> secrets, String token) {
        byte[] given = sha256(token.getBytes(StandardCharsets.UTF_8));
        boolean match = false;
        for (Secret secret : secrets) {
            match |= MessageDigest.isEqual(sha256(secret.reveal().getBytes(StandardCharsets.UTF_8)), given);
        }
        return match;
    }

    /** The SHA-256 of bytes, in hex. */
    public static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256(bytes));
    }

    private static byte[] standardMac(Secret secret, String id, long timestamp, byte[] body) {
        String value = secret.reveal();
        byte[] key = Base64.getDecoder().decode(value.startsWith(WHSEC) ? value.substring(WHSEC.length()) : value);
        byte[] prefix = (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
        byte[] message = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, message, 0, prefix.length);
        System.arraycopy(body, 0, message, prefix.length, body.length);
        return mac(key, message);
    }

    private static byte[] mac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static byte[] decodeBase64(String text) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    private static byte[] decodeHex(String text) {
        try {
            return HexFormat.of().parseHex(text);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }
}
