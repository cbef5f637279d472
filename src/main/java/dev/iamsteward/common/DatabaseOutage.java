package dev.iamsteward.common;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Tells a failure to reach PostgreSQL from other database errors, whatever wraps it (Hibernate, the transaction
 * manager, CDI): a connection that could not be made or was lost, the server shutting down, or no pooled
 * connection within the acquisition timeout. Such a failure says nothing about the request, and a retry may succeed.
 */
public final class DatabaseOutage {

    /** SQLSTATE classes and codes of a connection that failed or a server that cannot take it. */
    private static final String CONNECTION_EXCEPTION_CLASS = "08";
    private static final Set<String> UNAVAILABLE_STATES = Set.of(
            "57P01", // admin_shutdown
            "57P02", // crash_shutdown
            "57P03", // cannot_connect_now (starting up, shutting down, in recovery)
            "53300"); // too_many_connections

    /** Agroal's own failures to hand out a connection carry no SQLSTATE, only this in their message. */
    private static final String ACQUISITION_TIMEOUT = "acquisition timeout";

    private DatabaseOutage() {
    }

    /** Whether {@code failure}, or anything it was caused by or suppressed, is the database being unreachable. */
    public static boolean causedBy(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> pending = new ArrayDeque<>();
        pending.push(failure);
        while (!pending.isEmpty()) {
            Throwable next = pending.pop();
            if (!seen.add(next)) {
                continue;
            }
            if (next instanceof SQLException sql && unreachable(sql)) {
                return true;
            }
            List<Throwable> related = new ArrayList<>(List.of(next.getSuppressed()));
            related.add(next.getCause());
            if (next instanceof SQLException sql) {
                related.add(sql.getNextException());
            }
            related.stream().filter(Objects::nonNull).forEach(pending::push);
        }
        return false;
    }

    private static boolean unreachable(SQLException e) {
        String state = e.getSQLState();
        if (state != null) {
            return state.startsWith(CONNECTION_EXCEPTION_CLASS) || UNAVAILABLE_STATES.contains(state);
        }
        String message = e.getMessage();
        return message != null && message.toLowerCase(Locale.ROOT).contains(ACQUISITION_TIMEOUT);
    }
}
