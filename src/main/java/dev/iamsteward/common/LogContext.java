package dev.iamsteward.common;

import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * The log context (MDC) keys a log line may carry: the request it serves, who asked and the target account.
 * Values are ids and names only, checked on the way in, so no secret can reach a log line through the context.
 */
public final class LogContext implements AutoCloseable {

    public static final String REQUEST_ID = "requestId";
    public static final String ACTOR = "actor";
    public static final String ACCOUNT = "account";

    /** What a token subject may look like in the context; anything else is left out rather than logged. */
    private static final Pattern PRINTABLE_NAME = Pattern.compile("[\\w@.+=,:/-]{1,128}");
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

    private final Object previous;
    private final Object previousAccount;

    private LogContext(Object previous, Object previousAccount) {
        this.previous = previous;
        this.previousAccount = previousAccount;
    }

    /** Puts the request id in the context until {@link #close()}, which puts back what was there before. */
    public static LogContext forRequest(UUID requestId) {
        LogContext scope = new LogContext(MDC.get(REQUEST_ID), MDC.get(ACCOUNT));
        putRequestId(requestId);
        return scope;
    }

    /** As {@link #forRequest(UUID)}, with the AWS account the request acts on. */
    public static LogContext forRequest(UUID requestId, String accountId) {
        LogContext scope = forRequest(requestId);
        putAccount(accountId);
        return scope;
    }

    /** The canonical UUID in {@code text}, or null: a path segment is only a request id if it is one. */
    public static UUID requestId(String text) {
        try {
            UUID id = UUID.fromString(text);
            return id.toString().equalsIgnoreCase(text) ? id : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public static void putRequestId(UUID requestId) {
        MDC.put(REQUEST_ID, requestId.toString());
    }

    /** A token subject; one with characters no subject needs is left out rather than logged. */
    public static void putActor(String subject) {
        if (subject != null && PRINTABLE_NAME.matcher(subject).matches()) {
            MDC.put(ACTOR, subject);
        }
    }

    /** A twelve-digit AWS account id, nothing else. */
    public static void putAccount(String accountId) {
        if (accountId != null && ACCOUNT_ID.matcher(accountId).matches()) {
            MDC.put(ACCOUNT, accountId);
        }
    }

    /** Removes every key this class puts, and nothing else. */
    public static void clear() {
        MDC.remove(REQUEST_ID);
        MDC.remove(ACTOR);
        MDC.remove(ACCOUNT);
    }

    @Override
    public void close() {
        restore(REQUEST_ID, previous);
        restore(ACCOUNT, previousAccount);
    }

    private static void restore(String key, Object value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}
