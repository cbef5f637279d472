package dev.iamsteward.common;

import java.net.URI;

/** Every kind of error the API reports, with its HTTP status, stable problem type and title. */
public enum ErrorKind {
    INVALID_INPUT(400, "invalid-input", "The request is invalid"),
    UNKNOWN_ACCOUNT(400, "unknown-account", "No such target account"),
    UNAUTHENTICATED(401, "unauthenticated", "Authentication is required"),
    SIGNATURE_INVALID(401, "signature-invalid", "The webhook delivery's signature or token is not valid"),
    FORBIDDEN(403, "forbidden", "The caller may not do this"),
    SELF_APPROVAL(403, "self-approval", "A requester cannot approve their own request"),
    NOT_ELIGIBLE(403, "not-eligible", "The approval rule does not let the caller decide on this request"),
    BREAK_GLASS_NOT_ALLOWED(403, "break-glass-not-allowed", "The approval rule does not allow break-glass here"),
    NOT_RECIPIENT(403, "not-recipient", "Only the recipient may fetch this secret"),
    NOT_FOUND(404, "not-found", "No such resource"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE(406, "not-acceptable", "No acceptable representation"),
    ILLEGAL_TRANSITION(409, "illegal-transition", "The request is not in a state that allows this"),
    STATE_CONFLICT(409, "state-conflict", "The user's current state in IAM does not allow this"),
    QUOTA_EXCEEDED(409, "quota-exceeded", "An IAM quota for the user is full"),
    USER_EXISTS(409, "user-exists", "An IAM user with this name already exists"),
    ALREADY_DECIDED(409, "already-decided", "This approver has already decided on the request"),
    PLAN_CHANGED(409, "plan-changed", "The request or its plan changed since the caller saw it"),
    IDEMPOTENCY_IN_FLIGHT(409, "idempotency-in-flight", "A request with this Idempotency-Key is still in progress"),
    DELIVERY_ID_REUSED(409, "delivery-id-reused", "This delivery id was already received with another body"),
    PRECONDITION_FAILED(412, "precondition-failed", "The request changed since the caller read it"),
    SECRET_NOT_READY(409, "secret-not-ready", "The access key is not yet proven to work"),
    SECRET_GONE(410, "secret-gone", "The secret was already fetched or has expired"),
    UNKNOWN_PROFILE(422, "unknown-profile", "No such access profile in the catalog"),
    BOUNDARY_MISSING(422, "boundary-missing", "The user lacks the configured permissions boundary"),
    UNKNOWN_ACCESS_KEY(422, "unknown-access-key", "The user has no such access key"),
    ALREADY_ROTATING(422, "already-rotating", "The access key is already being rotated"),
    UNMEETABLE_APPROVAL(422, "unmeetable-approval", "The approval rule can never be met for this request"),
    IDEMPOTENCY_KEY_REUSED(422, "idempotency-key-reused", "The Idempotency-Key was used for a different request"),
    ACCOUNT_REMOVED(422, "account-removed", "The request's account is no longer a target account"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "The request body is too large"),
    URI_TOO_LONG(414, "uri-too-long", "The request target is too long"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
    IAM_REFUSED(502, "iam-refused", "IAM refused the call"),
    IAM_UNAVAILABLE(503, "iam-unavailable", "IAM could not be reached"),
    DATABASE_UNAVAILABLE(503, "database-unavailable", "The service's database could not be reached"),
    INTERNAL(500, "internal", "Internal error");

    /** Problem types are URNs: stable identifiers that no client is expected to dereference. */
    private static final String TYPE_BASE = "urn:iam-steward:problem:";

    private final int status;
    private final String slug;
    private final String title;

    ErrorKind(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    /** The generic kind for a status, for errors raised by the framework rather than the service. */
    public static ErrorKind forStatus(int status) {
        for (ErrorKind kind : values()) {
            if (kind.status == status) {
                return kind;
            }
        }
        return status >= INTERNAL.status ? INTERNAL : INVALID_INPUT;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public URI type() {
        return URI.create(TYPE_BASE + slug);
    }
}
