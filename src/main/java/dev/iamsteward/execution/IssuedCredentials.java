package dev.iamsteward.execution;

import dev.iamsteward.credential.CredentialLedger;
import dev.iamsteward.credential.DeliveryService;
import dev.iamsteward.credential.DeliveryView;
import dev.iamsteward.credential.IssuedCredential.Kind;
import dev.iamsteward.credential.IssuedCredential.State;
import dev.iamsteward.credential.SecretDelivery;
import dev.iamsteward.iam.AccessKey;
import dev.iamsteward.request.PlanStep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Locale;
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
        PlanStep step = order.step(index);
        String user = step.userName() == null ? order.userName() : step.userName();
        String self = user.toLowerCase(Locale.ROOT);
        UUID request = order.requestId();
        String account = order.account();
        if (step instanceof PlanStep.CreateUser) {
            ledger.set(account, Kind.USER, self, user, State.ACTIVE, request, at);
        } else if (step instanceof PlanStep.DeleteUser) {
            ledger.set(account, Kind.USER, self, user, State.REMOVED, request, at);
        } else if (step instanceof PlanStep.CreateLoginProfile) {
            ledger.set(account, Kind.CONSOLE, self, user, State.ACTIVE, request, at);
        } else if (step instanceof PlanStep.DeleteLoginProfile) {
            ledger.set(account, Kind.CONSOLE, self, user, State.REMOVED, request, at);
        } else if (step instanceof PlanStep.EnableMfaDevice enable) {
            ledger.set(account, Kind.MFA, enable.serialNumber(), user, State.ACTIVE, request, at);
        } else if (step instanceof PlanStep.DeactivateMfaDevice deactivate) {
            ledger.set(account, Kind.MFA, deactivate.serialNumber(), user, State.REMOVED, request, at);
        } else if (step instanceof PlanStep.CreateAccessKey) {
            ledger.key(account, user, newKey == null ? newKeyId(order) : newKey.accessKeyId(),
                    newKey == null ? null : newKey.createDate(), State.ACTIVE, request, at);
        } else if (step instanceof PlanStep.UpdateAccessKey update) {
            ledger.key(account, user, update.accessKeyId(), null, State.valueOf(update.status().name()), request,
                    at);
        } else if (step instanceof PlanStep.DeleteAccessKey delete) {
            ledger.set(account, Kind.ACCESS_KEY, delete.accessKeyId(), user, State.REMOVED, request, at);
        }
    }

    /** The key a creation step made: the one its secret was delivered for. */
    private String newKeyId(ExecutionOrder order) {
        return deliveries.forRequest(order.requestId()).stream()
                .filter(d -> d.kind() == SecretDelivery.Kind.ACCESS_KEY_SECRET).map(DeliveryView::label).findFirst()
                .orElseThrow(() -> new IllegalStateException("the creation step delivered no key"));
    }
}
