package dev.iamsteward.account;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Which IAM the service acts on, and the guard rails every user it creates gets. */
@ConfigMapping(prefix = "steward.iam")
public interface IamConfig {

    /** {@code memory}: the in-memory sandbox, nothing reaches AWS. {@code aws}: the AWS SDK adapter. Required. */
    BackendKind backend();

    /**
     * The IAM path under which every managed user lives; requests may only name paths below it. Only when no
     * {@code steward.accounts} are configured; each account has its own otherwise.
     */
    @WithDefault("/iam-steward/")
    String managedPath();

    /**
     * ARN of the managed policy set as permissions boundary on every user the service creates; required when no
     * {@code steward.accounts} are configured.
     */
    Optional<String> permissionsBoundaryArn();

    /**
     * Whether keys, console access and MFA go only to users whose permissions boundary is the configured one,
     * checked at submission and again before executing. Turn off only against an IAM emulator that does not keep
     * users' boundaries (moto ignores CreateUser's PermissionsBoundary).
     */
    @WithDefault("true")
    boolean credentialsNeedBoundary();

    /** The broker role's self-check at startup (see docs/posture.md, "The broker's self-check"). */
    SelfCheck selfCheck();

    /** How the service treats a broker role it could not check. */
    interface SelfCheck {

        /**
         * Whether a broker role that could not be checked (IAM refuses SimulatePrincipalPolicy, or does not
         * answer) stops startup and keeps readiness DOWN; by default it is a warning and the service starts.
         */
        @WithDefault("false")
        boolean failWhenNotChecked();
    }

    /**
     * What each in-memory sandbox holds at start, so that the catalog's groups and policies exist in it; in
     * policy ARNs, {@code {account-id}} stands for the sandbox's account.
     */
    Sandbox sandbox();

    /** The account contents of the in-memory sandbox. */
    interface Sandbox {

        /** IAM groups that exist in the sandbox account. */
        Optional<List<String>> groups();

        /** Customer managed policy ARNs that exist in the sandbox account (AWS managed ones always do). */
        Optional<List<String>> policyArns();

        /**
         * The fraction of IAM calls (0 to 1) the sandbox answers with Throttling before they take effect, spread
         * evenly, so that the IAM call limit's backing off and the retries can be watched; 0 in normal use.
         */
        @WithDefault("0")
        double throttleFraction();

        /**
         * How many GetCallerIdentity checks each new access key fails (InvalidClientTokenId) before it authenticates,
         * as a key does in AWS while it spreads; 0 in normal use.
         */
        @WithDefault("0")
        int keyPropagationChecks();

        /** How long after its creation each new access key fails GetCallerIdentity checks; 0 in normal use. */
        @WithDefault("0s")
        Duration keyPropagationDelay();

        /**
         * Member accounts of the sandbox organization whose root user starts with an active access key, so that the
         * posture scan has a root credential to find and a DELETE_ROOT_CREDENTIALS request something to delete.
         */
        Optional<List<String>> memberRootAccessKeys();
    }

    /** The IAM adapters the service can use. */
    enum BackendKind {
        MEMORY, AWS
    }
}
