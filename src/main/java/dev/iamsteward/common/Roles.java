package dev.iamsteward.common;

/** The roles a caller's token can carry, read from the configured role claim. */
public final class Roles {
    public static final String REQUESTER = "requester";
    public static final String APPROVER = "approver";
    public static final String ADMIN = "admin";
    public static final String AUDITOR = "auditor";

    private Roles() {
    }
}
