package dev.iamsteward.execution;

import dev.iamsteward.common.Secret;
import dev.iamsteward.credential.CredentialConfig;
import dev.iamsteward.credential.DeliveryService;
import dev.iamsteward.credential.KeyProofs;
import dev.iamsteward.credential.PasswordGenerator;
import dev.iamsteward.credential.SecretDelivery;
import dev.iamsteward.iam.AccessKey;
import dev.iamsteward.iam.IamDirectory;
import dev.iamsteward.iam.IamException;
import dev.iamsteward.iam.NewVirtualMfa;
import dev.iamsteward.iam.NewAccessKey;
import dev.iamsteward.request.PlanStep;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Steps that make a secret. The secret is sealed for the user's owner in its own transaction, and a step
 * that runs again reuses it or refuses, so that no secret is made twice or lost in between.
 */
@ApplicationScoped
class SecretSteps {

    private final DeliveryService deliveries;
    private final CredentialConfig config;
    private final CredentialIntents intents;
    private final LostCredentials lost;
    private final NewKeyProof prover;
    private final KeyProofs proofs;

    SecretSteps(DeliveryService deliveries, CredentialConfig config, CredentialIntents intents, LostCredentials lost,
            NewKeyProof prover, KeyProofs proofs) {
        this.prover = prover;
        this.proofs = proofs;
        this.deliveries = deliveries;
        this.config = config;
        this.intents = intents;
        this.lost = lost;
    }

    /** The password is sealed before IAM sees it: a crash between the two finds it and uses it again. */
    void createLoginProfile(IamDirectory iam, ExecutionOrder order, int step) {
        String user = order.userName();
        Optional<Secret> sealedEarlier = deliveries.unread(order.requestId(), step);
        if (iam.findLoginProfile(user).isPresent()) {
            if (sealedEarlier.isPresent() || deliveries.delivered(order.requestId(), step)) {
                return;
            }
            throw new ExecutionFailure("'" + user + "' was given console access by someone else after the plan "
                    + "was made");
        }
        if (sealedEarlier.isEmpty() && deliveries.delivered(order.requestId(), step)) {
            throw new ExecutionFailure("the password for '" + user + "' was fetched before IAM accepted it; "
                    + "submit GRANT_CONSOLE_ACCESS again");
        }
        Secret password = sealedEarlier.orElseGet(() -> {
            Secret fresh = PasswordGenerator.generate(iam.passwordPolicy(), config.passwordLength());
            deliveries.deliver(new DeliveryService.Parcel(order.requestId(), step, user, order.userArn(), order.owner(),
                    SecretDelivery.Kind.CONSOLE_PASSWORD, "console password, to be changed at first sign-in", fresh));
            return fresh;
        });
        iam.createLoginProfile(user, password, true, order.attribution());
    }

    /**
     * Makes the virtual MFA device and seals its seed twice: for the owner, and for the service to check the
     * owner's codes against. The service's copy is sealed first, so a resumed step can still hand out the seed.
     */
    void createVirtualMfa(IamDirectory iam, ExecutionOrder order, int step, PlanStep.CreateVirtualMfaDevice call) {
        if (deliveries.delivered(order.requestId(), step)) {
            return;
        }
        String serial = call.serialNumber();
        Secret seed = deliveries.unread(order.requestId(), step + 1).orElseGet(() -> {
            NewVirtualMfa device = createDevice(iam, order, step, call.deviceName(), call.path(), serial);
            deliveries.deliver(parcel(order, step + 1, SecretDelivery.Kind.MFA_VERIFIER, serial,
                    device.base32Seed()));
            return device.base32Seed();
        });
        deliveries.deliver(parcel(order, step, SecretDelivery.Kind.MFA_SEED, serial, seed));
    }

    /**
     * The device's name is the user's, so a device of this name that an earlier call of this step intended is that
     * call's, its seed lost: it is replaced. One nobody intended is someone else's and fails the step.
     */
    private NewVirtualMfa createDevice(IamDirectory iam, ExecutionOrder order, int step, String name, String path,
            String serial) {
        boolean calledBefore = intents.find(order.requestId(), step).isPresent();
        intents.record(order, step, CredentialIntent.Kind.MFA);
        try {
            return iam.createVirtualMfaDevice(name, path, order.attribution());
        } catch (IamException.EntityAlreadyExists e) {
            if (!calledBefore) {
                throw new ExecutionFailure("IAM already has a virtual MFA device " + serial + " that this request "
                        + "did not make; nothing was created");
            }
            lost.removeLostDevice(iam, order, step, serial);
            intents.record(order, step, CredentialIntent.Kind.MFA);
            return iam.createVirtualMfaDevice(name, path, order.attribution());
        } catch (IamException.Unavailable e) {
            LostCredentials.tryNow(() -> lost.removeLostDevice(iam, order, step, serial));
            throw e;
        }
    }

    private static DeliveryService.Parcel parcel(ExecutionOrder order, int step, SecretDelivery.Kind kind,
            String label, Secret secret) {
        return new DeliveryService.Parcel(order.requestId(), step, order.userName(), order.userArn(), order.owner(),
                kind, label, secret);
    }

    /**
     * IAM makes the secret and shows it once. The intent is committed before the call, so that a key an earlier call
     * made while its answer was lost is recognised, deactivated and deleted before a fresh one is made. The secret is
     * sealed unready and the key proven (see {@link NewKeyProof}); a run that resumes an unproven key proves it again.
     * Returns the key, or null when an earlier attempt already proved and delivered it.
     */
    AccessKey createAccessKey(IamDirectory iam, ExecutionOrder order, int step) {
        String user = order.userName();
        Optional<KeyProofs.Unproven> unproven = proofs.unproven(order.requestId(), step);
        if (unproven.isPresent()) {
            String keyId = unproven.get().accessKeyId();
            AccessKey key = iam.listAccessKeys(user).stream().filter(k -> k.accessKeyId().equals(keyId)).findFirst()
                    .orElseThrow(() -> new ExecutionFailure("the new access key " + keyId + " of '" + user
                            + "' was removed from IAM before it was proven; submit the request again"));
            prover.prove(iam, order, keyParcel(order, step, keyId, unproven.get().secret()));
            return key;
        }
        if (deliveries.delivered(order.requestId(), step)) {
            return null;
        }
        lost.removeLostKeys(iam, order, step);
        intents.record(order, step, CredentialIntent.Kind.ACCESS_KEY);
        NewAccessKey key;
        try {
            key = iam.createAccessKey(user, order.attribution());
        } catch (IamException.Unavailable e) {
            LostCredentials.tryNow(() -> lost.removeLostKeys(iam, order, step));
            throw e;
        }
        DeliveryService.Parcel parcel = keyParcel(order, step, key.key().accessKeyId(), key.secretAccessKey());
        deliveries.sealUnproven(parcel);
        prover.prove(iam, order, parcel);
        return key.key();
    }

    private static DeliveryService.Parcel keyParcel(ExecutionOrder order, int step, String keyId, Secret secret) {
        return new DeliveryService.Parcel(order.requestId(), step, order.userName(), order.userArn(), order.owner(),
                SecretDelivery.Kind.ACCESS_KEY_SECRET, keyId, secret);
    }
}
