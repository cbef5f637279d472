package dev.iamsteward.iam.aws;

import static dev.iamsteward.iam.aws.MotoIam.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamsteward.iam.IamException;
import dev.iamsteward.iam.MfaDevice;
import dev.iamsteward.iam.NewVirtualMfa;
import dev.iamsteward.iam.Totp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.model.VirtualMFADevice;

/** Virtual MFA devices through the AWS adapter, against moto over HTTP. */
class AwsMfaMotoTest {

    private static final String SERIAL = "arn:aws:iam::" + MotoIam.ACCOUNT + ":mfa/steward/alice-phone";

    private MotoIam moto;
    private AwsIamDirectory iam;

    @BeforeEach
    void freshMoto() {
        moto = MotoIam.fresh();
        iam = moto.directory();
    }

    @AfterEach
    void close() {
        moto.close();
    }

    @Test
    void virtualDeviceIsCreatedEnabledDeactivatedAndDeleted() {
        String user = moto.user("alice");
        NewVirtualMfa device = iam.createVirtualMfaDevice("alice-phone", "/steward/", request());
        assertEquals(SERIAL, device.serialNumber());
        assertTrue(device.base32Seed().reveal().matches("[A-Z2-7]{16,}"), "a Base32 seed");
        assertFalse(device.toString().contains(device.base32Seed().reveal()), "seed printed");

        Instant now = Instant.now();
        iam.enableMfaDevice(user, SERIAL, Totp.codeAt(device.base32Seed(), now),
                Totp.codeAt(device.base32Seed(), now.plusSeconds(30)), request());
        List<MfaDevice> enabled = iam.listMfaDevices(user);
        assertEquals(List.of(SERIAL), enabled.stream().map(MfaDevice::serialNumber).toList());
        assertTrue(Duration.between(enabled.get(0).enableDate(), Instant.now()).abs().toMinutes() < 1);

        iam.deactivateMfaDevice(user, SERIAL, request());
        assertEquals(List.of(), iam.listMfaDevices(user));

        iam.deleteVirtualMfaDevice(SERIAL, request());
        assertEquals(List.of(), virtualDevices());
    }

    @Test
    void aNameTakenAtThePathIsEntityAlreadyExists() {
        iam.createVirtualMfaDevice("alice-phone", "/steward/", request());

        assertThrows(IamException.EntityAlreadyExists.class,
                () -> iam.createVirtualMfaDevice("alice-phone", "/steward/", request()));
        assertEquals(List.of(SERIAL), virtualDevices());
    }

    @Test
    void unknownDevicesAreNoSuchEntity() {
        String user = moto.user("bob");

        assertThrows(IamException.NoSuchEntity.class, () -> iam.deactivateMfaDevice(user, SERIAL, request()));
        assertThrows(IamException.NoSuchEntity.class, () -> iam.deleteVirtualMfaDevice(SERIAL, request()));
    }

    @Test
    void motoDoesNotCheckAuthenticationCodes() {
        // Real IAM refuses codes that are not two consecutive TOTPs with InvalidAuthenticationCode; moto 5.2.5
        // accepts anything. AwsOperationsWireTest checks that refusal becomes InvalidInput.
        String user = moto.user("carol");
        iam.createVirtualMfaDevice("alice-phone", "/steward/", request());

        iam.enableMfaDevice(user, SERIAL, "000000", "000000", request());

        assertEquals(1, iam.listMfaDevices(user).size());
    }

    @Test
    void motoDeletesADeviceThatIsStillAssigned() {
        // Real IAM answers DeleteConflict while the device is assigned; moto 5.2.5 deletes it (and the user keeps
        // listing it). AwsOperationsWireTest checks DeleteConflict on DeleteVirtualMFADevice.
        String user = moto.user("dan");
        NewVirtualMfa device = iam.createVirtualMfaDevice("alice-phone", "/steward/", request());
        Instant now = Instant.now();
        iam.enableMfaDevice(user, SERIAL, Totp.codeAt(device.base32Seed(), now),
                Totp.codeAt(device.base32Seed(), now.plusSeconds(30)), request());

        iam.deleteVirtualMfaDevice(SERIAL, request());

        assertEquals(List.of(), virtualDevices());
        assertEquals(1, iam.listMfaDevices(user).size());
    }

    private List<String> virtualDevices() {
        return moto.setup().listVirtualMFADevicesPaginator(r -> r.maxItems(100)).virtualMFADevices().stream()
                .map(VirtualMFADevice::serialNumber).toList();
    }
}
