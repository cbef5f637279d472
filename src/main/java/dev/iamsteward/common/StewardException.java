package dev.iamsteward.common;

/**
 * A failure the API reports to the caller as an {@code application/problem+json} of a known kind; the
 * message is the detail and must never carry a secret.
 */
public class StewardException extends RuntimeException {

    private final ErrorKind kind;

    public StewardException(ErrorKind kind, String detail) {
        super(detail);
        this.kind = kind;
    }

    public ErrorKind kind() {
        return kind;
    }

    public static StewardException notFound(String what, Object id) {
        return new StewardException(ErrorKind.NOT_FOUND, what + " '" + id + "' does not exist");
    }

    /** The target's state does not allow it now (e.g. it already has what the request would give). */
    public static StewardException conflict(String detail) {
        return new StewardException(ErrorKind.STATE_CONFLICT, detail);
    }

    public static StewardException invalid(String detail) {
        return new StewardException(ErrorKind.INVALID_INPUT, detail);
    }
}
