package dev.iamsteward.request;

/** What a request asks IAM Steward to do; each type has its own plan. */
public enum RequestType {
    CREATE_USER,
    GRANT_CONSOLE_ACCESS,
    REVOKE_CONSOLE_ACCESS,
    CREATE_ACCESS_KEY,
    DEACTIVATE_ACCESS_KEY,
    REACTIVATE_ACCESS_KEY,
    DELETE_ACCESS_KEY,
    /** Rotates one key at once, whatever its age, by the same usage-aware steps as the rotation sweep. */
    ROTATE_ACCESS_KEY,
    ADD_TO_GROUP,
    REMOVE_FROM_GROUP,
    ATTACH_POLICY,
    DETACH_POLICY,
    ENROL_MFA,
    REMOVE_MFA,
    SUSPEND_USER,
    RESTORE_USER,
    OFFBOARD_USER,
    /**
     * Deletes the root user's password, access keys and signing certificates and deactivates its MFA devices in a
     * member account of the organization ({@code userName} is that account's id), in an IAMDeleteRootUserCredentials
     * session.
     */
    DELETE_ROOT_CREDENTIALS,
    /**
     * Lets the email owner of a member account's root user ({@code userName} is that account's id) recover its
     * password until {@code expiresAt}: CreateLoginProfile without a password in an IAMCreateRootUserPassword
     * session. When the window ends the service files DELETE_ROOT_CREDENTIALS for the account by itself.
     */
    ALLOW_ROOT_PASSWORD_RECOVERY;

    /** Types that act on a member account's root user through the organization, not on an IAM user. */
    public boolean concernsRootUser() {
        return this == DELETE_ROOT_CREDENTIALS || this == ALLOW_ROOT_PASSWORD_RECOVERY;
    }

    /** Types whose access ends at {@code expiresAt} by a request the service files; the field is theirs only. */
    public boolean timeBound() {
        return this == CREATE_USER || this == CREATE_ACCESS_KEY || this == ALLOW_ROOT_PASSWORD_RECOVERY;
    }

    /** The risk of a request that names no access profile: a root user's credentials are HIGH, the rest LOW. */
    public String defaultRisk() {
        return concernsRootUser() ? "HIGH" : "LOW";
    }

    /** Types that concern one access key, named by {@code accessKeyId}. */
    public boolean concernsOneKey() {
        return this == DEACTIVATE_ACCESS_KEY || this == REACTIVATE_ACCESS_KEY || this == DELETE_ACCESS_KEY
                || this == ROTATE_ACCESS_KEY;
    }

    /** Types that give a user something: refused while the user is suspended. */
    public boolean grants() {
        return this == GRANT_CONSOLE_ACCESS || this == CREATE_ACCESS_KEY || this == REACTIVATE_ACCESS_KEY
                || this == ROTATE_ACCESS_KEY
                || this == ADD_TO_GROUP || this == ATTACH_POLICY || this == ENROL_MFA;
    }

    /** Types that grant or take away an access profile of the catalog, named by {@code profile}. */
    public boolean concernsProfile() {
        return this == ADD_TO_GROUP || this == REMOVE_FROM_GROUP || this == ATTACH_POLICY || this == DETACH_POLICY;
    }
}
