package dev.iamsteward.common;

import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a listing. {@code cursor} is passed back as {@code ?cursor=} to get the next page and
 * {@code next} is that whole link; both are null on the last page.
 */
public record Page<T>(List<T> items, String cursor, String next) {

    public Page {
        items = List.copyOf(items);
    }

    /** A page whose {@code next} link is the current request's URI with the cursor replaced. */
    public static <T> Page<T> of(List<T> items, String cursor, UriInfo uri) {
        String next = cursor == null ? null
                : uri.getRequestUriBuilder().replaceQueryParam("cursor", cursor).build().toString();
        return new Page<>(items, cursor, next);
    }

    /**
     * The page of a keyset query that fetched one row more than {@code limit}: that extra row only says a
     * next page exists, and the cursor points after the last row kept.
     */
    public static <R, T> Page<T> ofKeyset(List<R> rows, int limit, Function<R, Cursor> cursorOf,
            Function<R, T> view, UriInfo uri) {
        boolean more = rows.size() > limit;
        List<R> kept = more ? rows.subList(0, limit) : rows;
        String cursor = more ? cursorOf.apply(kept.get(kept.size() - 1)).encode() : null;
        return of(kept.stream().map(view).toList(), cursor, uri);
    }
}
