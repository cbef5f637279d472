package dev.iamsteward.common;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A listing's query read newest first, a keyset page at a time: filters narrow it, a page starts strictly after the
 * row its cursor names, and one row more than the limit is read only to tell whether a next page exists. Rows
 * written while a client pages therefore neither repeat nor shift what it has not seen yet.
 *
 * @param <R> what a row of the query is: an entity, or a projection of one
 */
public final class KeysetQuery<R> {

    /** Runs the query the Panache way, usually the entity's own {@code find}, or a projection of it. */
    @FunctionalInterface
    public interface Finder<R> {
        PanacheQuery<R> find(String query, Sort sort, Parameters parameters);
    }

    private final String at;
    private final String key;
    private final Function<String, ?> keyOf;
    private final Function<R, Cursor> cursorOf;
    private final List<String> where = new ArrayList<>();
    private final Parameters parameters = new Parameters();
    private String from = "";

    private KeysetQuery(String at, String key, Function<String, ?> keyOf, Function<R, Cursor> cursorOf) {
        this.at = at;
        this.key = key;
        this.keyOf = keyOf;
        this.cursorOf = cursorOf;
    }

    /**
     * Ordered by the time attribute {@code at}, newest first, and by the unique {@code key} among rows of the
     * same time. {@code keyOf} reads the key back from a cursor; {@code cursorOf} makes a row's cursor.
     */
    public static <R> KeysetQuery<R> newestFirst(String at, String key, Function<String, ?> keyOf,
            Function<R, Cursor> cursorOf) {
        return new KeysetQuery<>(at, key, keyOf, cursorOf);
    }

    /** Ordered by the unique {@code key} alone, highest first, for rows whose key grows with time. */
    public static <R> KeysetQuery<R> newestFirst(String key, Function<String, ?> keyOf, Function<R, Cursor> cursorOf) {
        return new KeysetQuery<>(null, key, keyOf, cursorOf);
    }

    /** The query's {@code from} clause, for conditions that name its alias; without one it is the entity's. */
    public KeysetQuery<R> from(String clause) {
        this.from = clause;
        return this;
    }

    /** Narrows the listing by a condition whose parameters are given with {@link #with}. */
    public KeysetQuery<R> where(String condition) {
        where.add(condition);
        return this;
    }

    /** Narrows the listing by a condition on one parameter, only when the client gave that a value. */
    public KeysetQuery<R> where(String condition, String name, Object value) {
        return value == null ? this : where(condition).with(name, value);
    }

    public KeysetQuery<R> with(String name, Object value) {
        parameters.and(name, value);
        return this;
    }

    /** The page {@code paging} asks for, each row shown as {@code view} makes it. */
    public <V> Page<V> page(Paging paging, Finder<R> finder, Function<R, V> view, UriInfo uri) {
        if (paging.cursor() != null) {
            after(Cursor.decode(paging.cursor()));
        }
        List<R> rows = finder.find(query(), order(), parameters).page(0, paging.limit() + 1).list();
        return Page.ofKeyset(rows, paging.limit(), cursorOf, view, uri);
    }

    private void after(Cursor cursor) {
        with("cursorKey", cursor.key(keyOf));
        if (at == null) {
            where(key + " < :cursorKey");
        } else {
            where("(" + at + " < :cursorAt or " + at + " = :cursorAt and " + key + " < :cursorKey)")
                    .with("cursorAt", cursor.at());
        }
    }

    private String query() {
        String conditions = String.join(" and ", where);
        if (from.isEmpty() || conditions.isEmpty()) {
            return from + conditions;
        }
        return from + " where " + conditions;
    }

    private Sort order() {
        return at == null ? Sort.descending(key) : Sort.descending(at, key);
    }
}
