package dev.iamsteward.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The hash of an audit row, computed the way migration V5's {@code audit_event_hash} does, so that the chain
 * the database writes can be checked without trusting anything stored in the database.
 */
public final class AuditChain {

    /** The previous hash of the first row. */
    public static final String GENESIS = "0".repeat(64);

    /** PostgreSQL keeps microseconds; the form always has six digits of fraction, in UTC. */
    private static final DateTimeFormatter TIME = DateTimeFormatter
            .ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private AuditChain() {
    }

    /** SHA-256, in lower-case hex, of the row's previous hash followed by the canonical form of its content. */
    public static String hash(AuditRecord row) {
        return HexFormat.of().formatHex(sha256(row.prevHash() + canonical(row)));
    }

    /**
     * Each field as its length in UTF-8 bytes, a colon and its text, or {@code -} for null: no value can pass
     * for the end of one field and the start of the next, and null differs from an empty string.
     */
    static String canonical(AuditRecord row) {
        StringBuilder form = new StringBuilder();
        for (Object field : new Object[] {row.seq(), row.id(), row.at() == null ? null : TIME.format(row.at()),
                row.actor(), row.action(), row.requestId(), row.fromStatus(), row.toStatus(), row.detail()}) {
            if (field == null) {
                form.append('-');
            } else {
                String text = field.toString();
                form.append(text.getBytes(StandardCharsets.UTF_8).length).append(':').append(text);
            }
        }
        return form.toString();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
