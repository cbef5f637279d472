package dev.iamsteward.common;

import jakarta.ws.rs.core.EntityTag;
import java.util.Arrays;

/**
 * Entity tags of versioned resources, and the {@code If-Match} check that stops a client from acting on a
 * version it has not seen. {@code If-Match} is optional; when given, it must name the current version.
 */
public final class ETags {

    private ETags() {
    }

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** Refuses with 412 unless {@code ifMatch} is absent, {@code *}, or lists the current version's tag. */
    public static void check(String ifMatch, long version) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return;
        }
        String current = "\"" + version + "\"";
        boolean matches = Arrays.stream(ifMatch.split(",")).map(String::trim)
                .anyMatch(tag -> tag.equals("*") || tag.equals(current));
        if (!matches) {
            throw new StewardException(ErrorKind.PRECONDITION_FAILED, "If-Match " + ifMatch.strip()
                    + " does not name the current version " + current + "; read the request again");
        }
    }
}
