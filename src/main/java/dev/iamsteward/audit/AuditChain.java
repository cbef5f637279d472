package dev.iamsteward.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The hash of an audit row, computed the way the database's {@code audit_event_hash} does (migration V5, with
 * the account added by V16), so that the chain the database writes can be checked without trusting anything
 * stored in the database.
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
     * for the end of one field and the start of the next, and null differs from an empty string. The account
     * comes last and only when it is set, so that rows written before rows named an account keep their hash;
     * since it is the last field, its presence cannot be confused with any other field's text.
     */
    static String canonical(AuditRecord row) {
        StringBuilder form = new StringBuilder();
        for (Object field : new Object[] {row.seq(), row.id(), row.at() == null ? null : TIME.format(row.at()),
                row.actor(), row.action(), row.requestId(), row.fromStatus(), row.toStatus(), row.detail()}) {
            if (field == null) {
                form.append('-');
            } else {
                field(form, field.toString());
            }
        }
        if (row.account() != null) {
            field(form, row.account());
        }
        return form.toString();
    }

    private static void field(StringBuilder form, String text) {
        form.append(text.getBytes(StandardCharsets.UTF_8).length).append(':').append(text);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
