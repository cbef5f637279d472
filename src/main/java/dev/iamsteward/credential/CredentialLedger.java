package dev.iamsteward.credential;

import dev.iamsteward.account.TargetAccounts;
import dev.iamsteward.credential.IssuedCredential.Kind;
import dev.iamsteward.credential.IssuedCredential.State;
import dev.iamsteward.iam.AccessKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The ledger of what executed requests made of managed users' credentials, so that a posture scan can tell a
 * change made outside IAM Steward from the service's own. Execution writes it; posture reads it.
 */
@ApplicationScoped
public class CredentialLedger {

    /**
     * A managed user's credentials as the service left them: its access keys by creation time (to the second),
     * whether it gave console access and an MFA device, and when it last changed any of them.
     */
    public record Expected(Map<Instant, State> keys, boolean console, boolean mfa, Instant lastChange) {
    }

    private final TargetAccounts accounts;

    CredentialLedger(TargetAccounts accounts) {
        this.accounts = accounts;
    }

    /** Every user the service created in the account and still tracks, by lower-cased name. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, Expected> expected(String account) {
        Map<String, List<IssuedCredential>> byUser = new HashMap<>();
        for (IssuedCredential row : IssuedCredential.<IssuedCredential>list("account", account)) {
            byUser.computeIfAbsent(row.userName.toLowerCase(Locale.ROOT), u -> new ArrayList<>()).add(row);
        }
        Map<String, Expected> expected = new HashMap<>();
        byUser.forEach((user, rows) -> {
            if (rows.stream().anyMatch(r -> r.kind == Kind.USER && r.state == State.ACTIVE)) {
                expected.put(user, expectation(rows));
            }
        });
        return expected;
    }

    private static Expected expectation(List<IssuedCredential> rows) {
        Map<Instant, State> keys = new HashMap<>();
        rows.stream().filter(r -> r.kind == Kind.ACCESS_KEY && r.madeAt != null && r.state != State.REMOVED)
                .forEach(r -> keys.put(r.madeAt, r.state));
        boolean console = rows.stream().anyMatch(r -> r.kind == Kind.CONSOLE && r.state == State.ACTIVE);
        boolean mfa = rows.stream().anyMatch(r -> r.kind == Kind.MFA && r.state == State.ACTIVE);
        Instant last = rows.stream().map(r -> r.changedAt).max(Instant::compareTo).orElseThrow();
        return new Expected(keys, console, mfa, last);
    }

    /**
     * Records an access key's new state. The report names keys by creation time only. A key the step made has
     * IAM's answer ({@code madeAt}); otherwise (a key made outside, or an attempt cut short after making it) IAM's
     * key list gives it once, when the key is first recorded.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void key(String account, String user, String keyId, Instant madeAt, State state, UUID request,
            Instant at) {
        IssuedCredential row = set(account, Kind.ACCESS_KEY, keyId, user, state, request, at);
        if (row.madeAt == null) {
            Instant made = madeAt != null ? madeAt : accounts.stored(account).directory().listAccessKeys(user)
                    .stream().filter(k -> k.accessKeyId().equals(keyId)).map(AccessKey::createDate).findFirst()
                    .orElse(null);
            row.madeAt = made == null ? null : made.truncatedTo(ChronoUnit.SECONDS);
        }
    }

    /** Records a credential's new state, in the caller's transaction; returns its row. */
    @Transactional(Transactional.TxType.MANDATORY)
    public IssuedCredential set(String account, Kind kind, String credential, String user, State state,
            UUID request, Instant at) {
        IssuedCredential row = IssuedCredential.<IssuedCredential>find(
                "account = ?1 and kind = ?2 and credential = ?3", account, kind, credential).firstResultOptional()
                .orElseGet(() -> IssuedCredential.of(account, kind, credential, user));
        row.set(state, request, at);
        if (row.id == null) {
            row.persist();
        }
        return row;
    }
}
