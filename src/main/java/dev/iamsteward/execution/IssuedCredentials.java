package dev.iamsteward.execution;

import dev.iamsteward.account.TargetAccounts;
import dev.iamsteward.credential.DeliveryService;
import dev.iamsteward.credential.DeliveryView;
import dev.iamsteward.credential.SecretDelivery;
import dev.iamsteward.execution.IssuedCredential.Kind;
import dev.iamsteward.execution.IssuedCredential.State;
import dev.iamsteward.iam.AccessKey;
import dev.iamsteward.request.PlannedCall;
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
 * The ledger of what executed requests made of managed users' credentials, written in the transaction that records
 * each step done, so that a posture scan can tell a change made outside IAM Steward from the service's own.
 */
@ApplicationScoped
public class IssuedCredentials {

    /**
     * A managed user's credentials as the service left them: its access keys by creation time (to the second),
     * whether it gave console access and an MFA device, and when it last changed any of them.
     */
    public record Expected(Map<Instant, State> keys, boolean console, boolean mfa, Instant lastChange) {
    }

    private final TargetAccounts accounts;
    private final DeliveryService deliveries;

    IssuedCredentials(TargetAccounts accounts, DeliveryService deliveries) {
        this.accounts = accounts;
        this.deliveries = deliveries;
    }

    /**
     * Records what step {@code index} of the order's plan did, in the caller's transaction; {@code newKey} is the key
     * a creation step made, as IAM answered, or null when an earlier attempt made it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void stepDone(ExecutionOrder order, int index, AccessKey newKey, Instant at) {
        PlannedCall call = order.plan().get(index);
        Map<String, String> p = call.parameters();
        String user = p.getOrDefault("UserName", order.userName());
        String self = user.toLowerCase(Locale.ROOT);
        UUID request = order.requestId();
        String account = order.account();
        switch (call.action()) {
            case "iam:CreateUser" -> set(account, Kind.USER, self, user, State.ACTIVE, request, at);
            case "iam:DeleteUser" -> set(account, Kind.USER, self, user, State.REMOVED, request, at);
            case "iam:CreateLoginProfile" -> set(account, Kind.CONSOLE, self, user, State.ACTIVE, request, at);
            case "iam:DeleteLoginProfile" -> set(account, Kind.CONSOLE, self, user, State.REMOVED, request, at);
            case "iam:EnableMFADevice" -> set(account, Kind.MFA, p.get("SerialNumber"), user, State.ACTIVE, request,
                    at);
            case "iam:DeactivateMFADevice" -> set(account, Kind.MFA, p.get("SerialNumber"), user, State.REMOVED,
                    request, at);
            case "iam:CreateAccessKey" -> key(account, user, newKey == null ? newKeyId(order) : newKey.accessKeyId(),
                    newKey == null ? null : newKey.createDate(), State.ACTIVE, request, at);
            case "iam:UpdateAccessKey" -> key(account, user, p.get("AccessKeyId"), null, State.valueOf(p.get("Status")
                    .toUpperCase(Locale.ROOT)), request, at);
            case "iam:DeleteAccessKey" -> set(account, Kind.ACCESS_KEY, p.get("AccessKeyId"), user, State.REMOVED,
                    request, at);
            default -> {
            }
        }
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

    /** The key a creation step made: the one its secret was delivered for. */
    private String newKeyId(ExecutionOrder order) {
        return deliveries.forRequest(order.requestId()).stream()
                .filter(d -> d.kind() == SecretDelivery.Kind.ACCESS_KEY_SECRET).map(DeliveryView::label).findFirst()
                .orElseThrow(() -> new IllegalStateException("the creation step delivered no key"));
    }

    /**
     * The report names keys by creation time only. A key the step made has IAM's answer; otherwise (a key made
     * outside, or an attempt cut short after making it) IAM's key list gives it once, when the key is first recorded.
     */
    private void key(String account, String user, String keyId, Instant madeAt, State state, UUID request,
            Instant at) {
        IssuedCredential row = set(account, Kind.ACCESS_KEY, keyId, user, state, request, at);
        if (row.madeAt == null) {
            Instant made = madeAt != null ? madeAt : accounts.stored(account).directory().listAccessKeys(user)
                    .stream().filter(k -> k.accessKeyId().equals(keyId)).map(AccessKey::createDate).findFirst()
                    .orElse(null);
            row.madeAt = made == null ? null : made.truncatedTo(ChronoUnit.SECONDS);
        }
    }

    private static IssuedCredential set(String account, Kind kind, String credential, String user, State state,
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
