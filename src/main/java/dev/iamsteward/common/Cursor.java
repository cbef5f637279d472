package dev.iamsteward.common;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.function.Function;

/**
 * A keyset position in a listing: the next page holds the rows strictly after it, so rows inserted while a
 * client pages neither repeat nor shift what it has not seen yet. A listing orders by ({@code at}, {@code key})
 * or by {@code key} alone when that is unique and ordered. Clients treat it as opaque.
 */
public record Cursor(Instant at, String key) {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final int MAX_LENGTH = 512;

    public String encode() {
        return ENCODER.encodeToString((at + "|" + key).getBytes(StandardCharsets.UTF_8));
    }

    /** The key read as the listing's key type; a key {@code parse} refuses was not handed out by this service. */
    public <K> K key(Function<String, K> parse) {
        try {
            return parse.apply(key);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    /** The cursor a client passed back; anything this service did not hand out is invalid input. */
    public static Cursor decode(String value) {
        try {
            if (value.length() > MAX_LENGTH) {
                throw new IllegalArgumentException("too long");
            }
            String text = new String(DECODER.decode(value), StandardCharsets.UTF_8);
            int bar = text.indexOf('|');
            if (bar < 0) {
                throw new IllegalArgumentException("no separator");
            }
            return new Cursor(Instant.parse(text.substring(0, bar)), text.substring(bar + 1));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw invalid();
        }
    }

    /** The error for a cursor this service did not hand out, also for listings that pass on IAM's own marker. */
    public static StewardException invalid() {
        return StewardException.invalid("cursor is not one this service handed out");
    }
}
