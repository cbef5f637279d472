package dev.iamsteward.execution;

import dev.iamsteward.common.Secret;
import dev.iamsteward.credential.CredentialConfig;
import dev.iamsteward.credential.DeliveryService;
import dev.iamsteward.credential.PasswordGenerator;
import dev.iamsteward.credential.SecretDelivery;
import dev.iamsteward.iam.AccessKey;
import dev.iamsteward.iam.IamDirectory;
import dev.iamsteward.iam.IamException;
import dev.iamsteward.iam.NewVirtualMfa;
import dev.iamsteward.iam.NewAccessKey;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Steps that make a secret. The secret is sealed for the user's owner in its own transaction, and a step
 * that runs again reuses it or refuses, so that no secret is made twice or lost in between.
 */
@ApplicationScoped
class SecretSteps {

    private final DeliveryService deliveries;
    private final CredentialConfig config;

    SecretSteps(DeliveryService deliveries, CredentialConfig config) {
        this.deliveries = deliveries;
        this.config = config;
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
    void createVirtualMfa(IamDirectory iam, ExecutionOrder order, int step) {
        if (deliveries.delivered(order.requestId(), step)) {
            return;
        }
        Map<String, String> p = order.plan().get(step).parameters();
        String serial = p.get("SerialNumber");
        Secret seed = deliveries.unread(order.requestId(), step + 1).orElseGet(() -> {
            NewVirtualMfa device = createDevice(iam, p.get("VirtualMFADeviceName"), p.get("Path"), serial, order);
            deliveries.deliver(parcel(order, step + 1, SecretDelivery.Kind.MFA_VERIFIER, serial,
                    device.base32Seed()));
            return device.base32Seed();
        });
        deliveries.deliver(parcel(order, step, SecretDelivery.Kind.MFA_SEED, serial, seed));
    }

    /** A device of this name left unassigned by an attempt cut short, its seed lost, is replaced. */
    private static NewVirtualMfa createDevice(IamDirectory iam, String name, String path, String serial, ExecutionOrder order) {
        try {
            return iam.createVirtualMfaDevice(name, path, order.attribution());
        } catch (IamException.EntityAlreadyExists e) {
            iam.deleteVirtualMfaDevice(serial, order.attribution());
            return iam.createVirtualMfaDevice(name, path, order.attribution());
        }
    }

    private static DeliveryService.Parcel parcel(ExecutionOrder order, int step, SecretDelivery.Kind kind,
            String label, Secret secret) {
        return new DeliveryService.Parcel(order.requestId(), step, order.userName(), order.userArn(), order.owner(),
                kind, label, secret);
    }

    /**
     * IAM makes the secret; a key the plan did not expect may be an earlier attempt's, whose secret is lost. Returns
     * the key made, or null when an earlier attempt already delivered it.
     */
    AccessKey createAccessKey(IamDirectory iam, ExecutionOrder order, int step) {
        String user = order.userName();
        if (deliveries.delivered(order.requestId(), step)) {
            return null;
        }
        Set<String> expected = Arrays.stream(order.plan().get(step).parameters().get("ExistingKeys").split(","))
                .filter(id -> !id.isEmpty()).collect(Collectors.toSet());
        List<String> unexpected = iam.listAccessKeys(user).stream().map(AccessKey::accessKeyId)
                .filter(id -> !expected.contains(id)).toList();
        if (!unexpected.isEmpty()) {
            throw new ExecutionFailure("'" + user + "' has access keys the plan did not expect " + unexpected
                    + "; one may be this request's own from an attempt cut short, whose secret is lost. Delete it"
                    + " with a request and submit CREATE_ACCESS_KEY again");
        }
        NewAccessKey key = iam.createAccessKey(user, order.attribution());
        deliveries.deliver(new DeliveryService.Parcel(order.requestId(), step, user, order.userArn(), order.owner(),
                SecretDelivery.Kind.ACCESS_KEY_SECRET, key.key().accessKeyId(), key.secretAccessKey()));
        return key.key();
    }
}
