package dev.iamsteward.execution;

import dev.iamsteward.credential.CredentialLedger;
import dev.iamsteward.credential.DeliveryService;
import dev.iamsteward.credential.DeliveryView;
import dev.iamsteward.credential.IssuedCredential.Kind;
import dev.iamsteward.credential.IssuedCredential.State;
import dev.iamsteward.credential.SecretDelivery;
import dev.iamsteward.iam.AccessKey;
import dev.iamsteward.request.PlannedCall;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Writes what each executed step made of a managed user's credentials into the {@link CredentialLedger}, in the
 * transaction that records the step done.
 */
@ApplicationScoped
public class IssuedCredentials {

    private final CredentialLedger ledger;
    private final DeliveryService deliveries;

    IssuedCredentials(CredentialLedger ledger, DeliveryService deliveries) {
        this.ledger = ledger;
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
            case "iam:CreateUser" -> ledger.set(account, Kind.USER, self, user, State.ACTIVE, request, at);
            case "iam:DeleteUser" -> ledger.set(account, Kind.USER, self, user, State.REMOVED, request, at);
            case "iam:CreateLoginProfile" -> ledger.set(account, Kind.CONSOLE, self, user, State.ACTIVE, request,
                    at);
            case "iam:DeleteLoginProfile" -> ledger.set(account, Kind.CONSOLE, self, user, State.REMOVED, request,
                    at);
            case "iam:EnableMFADevice" -> ledger.set(account, Kind.MFA, p.get("SerialNumber"), user, State.ACTIVE,
                    request, at);
            case "iam:DeactivateMFADevice" -> ledger.set(account, Kind.MFA, p.get("SerialNumber"), user,
                    State.REMOVED, request, at);
            case "iam:CreateAccessKey" -> ledger.key(account, user,
                    newKey == null ? newKeyId(order) : newKey.accessKeyId(),
                    newKey == null ? null : newKey.createDate(), State.ACTIVE, request, at);
            case "iam:UpdateAccessKey" -> ledger.key(account, user, p.get("AccessKeyId"), null,
                    State.valueOf(p.get("Status").toUpperCase(Locale.ROOT)), request, at);
            case "iam:DeleteAccessKey" -> ledger.set(account, Kind.ACCESS_KEY, p.get("AccessKeyId"), user,
                    State.REMOVED, request, at);
            default -> {
            }
        }
    }

    /** The key a creation step made: the one its secret was delivered for. */
    private String newKeyId(ExecutionOrder order) {
        return deliveries.forRequest(order.requestId()).stream()
                .filter(d -> d.kind() == SecretDelivery.Kind.ACCESS_KEY_SECRET).map(DeliveryView::label).findFirst()
                .orElseThrow(() -> new IllegalStateException("the creation step delivered no key"));
    }
}
