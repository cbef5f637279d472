package dev.iamsteward.iam;

/**
 * IAM refused or failed a call. The subclasses are the error codes the service acts on; {@link #retryable()}
 * says whether the same call may succeed later.
 */
public abstract sealed class IamException extends RuntimeException {

    protected IamException(String message) {
        super(message);
    }

    public abstract String code();

    public boolean retryable() {
        return false;
    }

    /** EntityAlreadyExists. */
    public static final class EntityAlreadyExists extends IamException {
        public EntityAlreadyExists(String message) {
            super(message);
        }

        @Override
        public String code() {
            return "EntityAlreadyExists";
        }
    }

    /** NoSuchEntity. */
    public static final class NoSuchEntity extends IamException {
        public NoSuchEntity(String message) {
            super(message);
        }

        @Override
        public String code() {
            return "NoSuchEntity";
        }
    }

    /** InvalidInput, ValidationError or MalformedPolicyDocument: the call itself is wrong. */
    public static final class InvalidInput extends IamException {
        public InvalidInput(String message) {
            super(message);
        }

        @Override
        public String code() {
            return "InvalidInput";
        }
    }

    /** LimitExceeded: a quota (keys per user, groups per user, ...) is full. */
    public static final class LimitExceeded extends IamException {
        public LimitExceeded(String message) {
            super(message);
        }

        @Override
        public String code() {
            return "LimitExceeded";
        }
    }

    /** DeleteConflict: the user (or device) still has dependents that must be removed first. */
    public static final class DeleteConflict extends IamException {
        public DeleteConflict(String message) {
            super(message);
        }

        @Override
        public String code() {
            return "DeleteConflict";
        }
    }

    /** AccessDenied: the broker role may not do this. */
    public static final class AccessDenied extends IamException {
        public AccessDenied(String message) {
            super(message);
        }

        @Override
        public String code() {
            return "AccessDenied";
        }
    }

    /** Throttling: too many calls; retry with backoff. */
    public static final class Throttled extends IamException {
        public Throttled(String message) {
            super(message);
        }

        @Override
        public String code() {
            return "Throttling";
        }

        @Override
        public boolean retryable() {
            return true;
        }
    }

    /** ServiceFailure, a 5xx or an I/O failure: IAM did not answer properly; retry with backoff. */
    public static final class Unavailable extends IamException {
        public Unavailable(String message) {
            super(message);
        }

        @Override
        public String code() {
            return "ServiceFailure";
        }

        @Override
        public boolean retryable() {
            return true;
        }
    }

    /**
     * NotImplemented: the IAM endpoint, an emulator configured in place of AWS, does not implement the call. Raised
     * only for an endpoint override, never against AWS itself.
     */
    public static final class NotImplemented extends IamException {
        public NotImplemented(String message) {
            super(message);
        }

        @Override
        public String code() {
            return "NotImplemented";
        }
    }

    /** ReportNotPresent: no credential report was generated yet. */
    public static final class ReportNotPresent extends IamException {
        public ReportNotPresent(String message) {
            super(message);
        }

        @Override
        public String code() {
            return "ReportNotPresent";
        }
    }

    /** ReportExpired: the last credential report is too old; generate a new one. */
    public static final class ReportExpired extends IamException {
        public ReportExpired(String message) {
            super(message);
        }

        @Override
        public String code() {
            return "ReportExpired";
        }
    }

    /** ReportInProgress: IAM is still making the credential report; ask again shortly. */
    public static final class ReportInProgress extends IamException {
        public ReportInProgress(String message) {
            super(message);
        }

        @Override
        public String code() {
            return "ReportInProgress";
        }

        @Override
        public boolean retryable() {
            return true;
        }
    }

    /**
     * A request signed with a new access key was refused as if the key did not exist or did not match
     * (InvalidClientTokenId, SignatureDoesNotMatch, AccessDenied): IAM has not yet spread the key to STS, or the key
     * is no longer active. The same check may succeed later.
     */
    public static final class KeyNotAuthenticating extends IamException {
        private final String awsCode;

        public KeyNotAuthenticating(String awsCode, String message) {
            super(message);
            this.awsCode = awsCode;
        }

        @Override
        public String code() {
            return awsCode;
        }

        @Override
        public boolean retryable() {
            return true;
        }
    }
}
