package dev.iamsteward.account;

import dev.iamsteward.common.ErrorKind;
import dev.iamsteward.common.StewardException;
import dev.iamsteward.iam.OrganizationConfig;
import dev.iamsteward.iam.OrganizationRoot;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The AWS organization whose member accounts' root users the service audits and cleans up, when one is
 * configured: the port to its centralized root access (on the memory backend a sandbox organization), its member
 * accounts, and the target account its findings and requests are recorded under. Checked at startup.
 */
@Singleton
@Startup
public class Organization {

    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

    private final OrganizationConfig config;
    private final Optional<OrganizationRoot> root;
    private final String recordedUnder;

    Organization(OrganizationConfig config, TargetAccounts accounts) {
        this.config = config;
        check(config, accounts);
        this.recordedUnder = config.recordedUnder().orElse(accounts.ids().get(0));
        this.root = config.accountId().map(management -> accounts.organizationRoot(config, members()));
        root.ifPresent(r -> Log.infof("Organization root access: %s, %d member accounts", r.backend().target(),
                members().size()));
    }

    /** Whether an organization is configured. */
    public boolean configured() {
        return root.isPresent();
    }

    /** The port to the organization's root access; 409 when none is configured. */
    public OrganizationRoot root() {
        return root.orElseThrow(() -> new StewardException(ErrorKind.STATE_CONFLICT, "no organization is "
                + "configured (steward.organization.account-id), so the service cannot act on root users"));
    }

    /** The member accounts whose root users the service looks after, as configured. */
    public List<String> members() {
        return config.memberAccounts().orElse(List.of());
    }

    public boolean isMember(String accountId) {
        return members().contains(accountId);
    }

    /** The target account id root findings and requests are recorded under. */
    public String recordedUnder() {
        return recordedUnder;
    }

    public Duration sessionDuration() {
        return config.rootSessionDuration();
    }

    /** The longest root password recovery window a request may ask for. */
    public Duration passwordRecoveryWindowMax() {
        return config.passwordRecoveryWindowMax();
    }

    private static void check(OrganizationConfig config, TargetAccounts accounts) {
        List<String> problems = new ArrayList<>();
        config.accountId().filter(id -> !ACCOUNT_ID.matcher(id).matches())
                .ifPresent(id -> problems.add("account-id must be 12 digits"));
        config.memberAccounts().orElse(List.of()).stream().filter(id -> !ACCOUNT_ID.matcher(id).matches())
                .forEach(id -> problems.add("member account '" + id + "' is not 12 digits"));
        config.accountId().filter(id -> config.memberAccounts().orElse(List.of()).contains(id))
                .ifPresent(id -> problems.add("the management account " + id + " cannot be one of its member "
                        + "accounts: AWS opens root sessions only on members"));
        Duration session = config.rootSessionDuration();
        if (session.toSeconds() < 1 || session.compareTo(OrganizationRoot.MAX_SESSION) > 0) {
            problems.add("root-session-duration must be between 1s and 15m, AWS's limit");
        }
        if (config.passwordRecoveryWindowMax().isNegative() || config.passwordRecoveryWindowMax().isZero()) {
            problems.add("password-recovery-window-max must be positive");
        }
        config.recordedUnder().filter(id -> !accounts.has(id)).ifPresent(id -> problems.add("recorded-under '"
                + id + "' is not a target account " + accounts.ids()));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("steward.organization: " + String.join("; ", problems));
        }
    }
}
