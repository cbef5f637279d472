package dev.iamsteward.execution;

import dev.iamsteward.iam.AccessKey;
import dev.iamsteward.iam.IamDirectory;
import dev.iamsteward.iam.IamException;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds and removes what an earlier call of a creation step made when its answer, and with it the secret, was lost
 * (a timeout, a crash before the secret was sealed). Only a step that recorded its intent before calling can have
 * made something; a credential nobody intended is someone else's and is left alone.
 */
@ApplicationScoped
class LostCredentials {

    private final CredentialIntents intents;

    LostCredentials(CredentialIntents intents) {
        this.intents = intents;
    }

    /**
     * Deactivates and deletes the user's access keys that neither the plan nor the ledger knows, when this step
     * intended to make a key before; without such an intent they are someone else's and the step fails.
     */
    void removeLostKeys(IamDirectory iam, ExecutionOrder order, int step) {
        String user = order.userName();
        Set<String> known = Stream.concat(Arrays.stream(order.plan().get(step).parameters().get("ExistingKeys")
                        .split(",")), intents.issuedKeys(order.account(), user).stream())
                .filter(id -> !id.isEmpty()).collect(Collectors.toSet());
        List<String> unknown = iam.listAccessKeys(user).stream().map(AccessKey::accessKeyId)
                .filter(id -> !known.contains(id)).toList();
        if (unknown.isEmpty()) {
            return;
        }
        if (intents.find(order.requestId(), step).isEmpty()) {
            throw new ExecutionFailure("'" + user + "' has access keys the plan did not expect " + unknown
                    + ", made outside IAM Steward; nothing was created. Delete them with a request and submit "
                    + "CREATE_ACCESS_KEY again");
        }
        for (String keyId : unknown) {
            gone(() -> iam.updateAccessKey(user, keyId, AccessKey.Status.INACTIVE, order.attribution()));
            gone(() -> iam.deleteAccessKey(user, keyId, order.attribution()));
            intents.orphanRemoved(order, step, "access key", keyId);
        }
    }

    /** Deletes the step's virtual MFA device, which an earlier call made while its seed was lost. */
    void removeLostDevice(IamDirectory iam, ExecutionOrder order, int step, String serial) {
        gone(() -> iam.deleteVirtualMfaDevice(serial, order.attribution()));
        intents.orphanRemoved(order, step, "virtual MFA device", serial);
    }

    /**
     * Right after a call that ended without an answer, removes what it may have made if IAM answers now, so that a
     * request whose retries run out leaves nothing behind; otherwise the next attempt does it.
     */
    static void tryNow(Runnable removal) {
        try {
            removal.run();
        } catch (IamException | ExecutionFailure e) {
            Log.infof("What a call without an answer made is removed on the next attempt: %s", e.getMessage());
        }
    }

    private static void gone(Runnable removal) {
        try {
            removal.run();
        } catch (IamException.NoSuchEntity e) {
            // Already removed.
        }
    }
}
