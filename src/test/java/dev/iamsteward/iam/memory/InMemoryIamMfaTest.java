package dev.iamsteward.iam.memory;

import static dev.iamsteward.iam.memory.MemoryFixtures.BY;
import static dev.iamsteward.iam.memory.MemoryFixtures.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamsteward.iam.IamException;
import dev.iamsteward.iam.MfaDevice;
import dev.iamsteward.iam.NewUser;
import dev.iamsteward.iam.NewVirtualMfa;
import dev.iamsteward.iam.Totp;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Virtual MFA devices: created unassigned, enabled only with two consecutive codes, deleted only unassigned. */
class InMemoryIamMfaTest {

    private static final String USER = "erin";

    private final InMemoryIamDirectory iam = MemoryFixtures.iamWithUser(USER);

    @Test
    void aNewDeviceHasAnArnUnderItsPathAndABase32Seed() {
        NewVirtualMfa device = iam.createVirtualMfaDevice("erin-phone", "/iam-steward/", BY);

        assertEquals("arn:aws:iam::000000000000:mfa/iam-steward/erin-phone", device.serialNumber());
        assertTrue(device.base32Seed().reveal().matches("[A-Z2-7]{32}"));
        assertEquals("[redacted]", device.base32Seed().toString());
        assertEquals(List.of(), iam.listMfaDevices(USER), "a created device is not assigned to anyone");
    }

    @Test
    void deviceNamesAreUniqueAndPathsAreChecked() {
        iam.createVirtualMfaDevice("phone", "/", BY);

        assertThrows(IamException.EntityAlreadyExists.class, () -> iam.createVirtualMfaDevice("PHONE", "/", BY));
        assertThrows(IamException.InvalidInput.class, () -> iam.createVirtualMfaDevice("tablet", "no-slash", BY));
        assertThrows(IamException.InvalidInput.class, () -> iam.createVirtualMfaDevice("bad name", "/", BY));
    }

    @Test
    void twoConsecutiveCodesEnableTheDevice() {
        NewVirtualMfa device = iam.createVirtualMfaDevice("phone", "/", BY);

        iam.enableMfaDevice(USER, device.serialNumber(), Totp.codeAt(device.base32Seed(), NOW),
                Totp.codeAt(device.base32Seed(), NOW.plusSeconds(30)), BY);

        assertEquals(List.of(new MfaDevice(device.serialNumber(), NOW)), iam.listMfaDevices(USER));
    }

    @Test
    void wrongOrMalformedCodesAreRefused() {
        NewVirtualMfa device = iam.createVirtualMfaDevice("phone", "/", BY);
        String later = Totp.codeAt(device.base32Seed(), NOW.plusSeconds(3600));
        String laterStill = Totp.codeAt(device.base32Seed(), NOW.plusSeconds(3630));

        IamException wrong = assertThrows(IamException.InvalidInput.class,
                () -> iam.enableMfaDevice(USER, device.serialNumber(), later, laterStill, BY));
        assertTrue(wrong.getMessage().startsWith("InvalidAuthenticationCode: "), wrong.getMessage());
        assertThrows(IamException.InvalidInput.class,
                () -> iam.enableMfaDevice(USER, device.serialNumber(), "12345", "abcdef", BY));
        assertEquals(List.of(), iam.listMfaDevices(USER));
    }

    @Test
    void anAssignedDeviceCannotBeEnabledAgainForAnyone() {
        String serial = MemoryFixtures.enableNewDevice(iam, USER, "phone");
        iam.createUser(new NewUser("frank", "/", MemoryFixtures.BOUNDARY, Map.of()), BY);

        assertThrows(IamException.EntityAlreadyExists.class,
                () -> iam.enableMfaDevice("frank", serial, "000000", "000000", BY));
        assertEquals(List.of(), iam.listMfaDevices("frank"));
    }

    @Test
    void aUserHasAtMostEightDevices() {
        IntStream.range(0, 8).forEach(i -> MemoryFixtures.enableNewDevice(iam, USER, "d" + i));

        assertThrows(IamException.LimitExceeded.class, () -> MemoryFixtures.enableNewDevice(iam, USER, "d8"));
        assertEquals(8, iam.listMfaDevices(USER).size());
    }

    @Test
    void anAssignedDeviceCannotBeDeletedUntilDeactivated() {
        String serial = MemoryFixtures.enableNewDevice(iam, USER, "phone");

        assertThrows(IamException.DeleteConflict.class, () -> iam.deleteVirtualMfaDevice(serial, BY));
        iam.deactivateMfaDevice(USER, serial, BY);
        assertEquals(List.of(), iam.listMfaDevices(USER));
        iam.deleteVirtualMfaDevice(serial, BY);
        assertThrows(IamException.NoSuchEntity.class, () -> iam.deleteVirtualMfaDevice(serial, BY));
    }

    @Test
    void aDeactivatedDeviceStillExistsAndCanBeEnabledAgain() {
        NewVirtualMfa device = iam.createVirtualMfaDevice("phone", "/", BY);
        String code1 = Totp.codeAt(device.base32Seed(), NOW);
        String code2 = Totp.codeAt(device.base32Seed(), NOW.plusSeconds(30));
        iam.enableMfaDevice(USER, device.serialNumber(), code1, code2, BY);
        iam.deactivateMfaDevice(USER, device.serialNumber(), BY);

        iam.enableMfaDevice(USER, device.serialNumber(), code1, code2, BY);

        assertEquals(1, iam.listMfaDevices(USER).size());
    }

    @Test
    void onlyTheAssignedUserCanDeactivateAndUnknownSerialsAreNoSuchEntity() {
        String serial = MemoryFixtures.enableNewDevice(iam, USER, "phone");
        iam.createUser(new NewUser("frank", "/", MemoryFixtures.BOUNDARY, Map.of()), BY);

        assertThrows(IamException.NoSuchEntity.class, () -> iam.deactivateMfaDevice("frank", serial, BY));
        assertThrows(IamException.NoSuchEntity.class,
                () -> iam.enableMfaDevice(USER, serial + "-gone", "000000", "000000", BY));
        assertEquals(1, iam.listMfaDevices(USER).size());
    }
}
