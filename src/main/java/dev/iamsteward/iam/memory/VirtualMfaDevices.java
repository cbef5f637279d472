package dev.iamsteward.iam.memory;

import dev.iamsteward.common.Secret;
import dev.iamsteward.iam.IamException;
import dev.iamsteward.iam.IamNames;
import dev.iamsteward.iam.MfaDevice;
import dev.iamsteward.iam.NewVirtualMfa;
import dev.iamsteward.iam.Totp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The account's virtual MFA devices and which user each is assigned to. */
// Devices exist before and after assignment, so assignments are kept here rather than on the user.
final class VirtualMfaDevices {

    static final int MAX_PER_USER = 8;
    private static final Pattern DEVICE_NAME = Pattern.compile("[\\w+=,.@-]{1,226}");
    private static final Pattern CODE = Pattern.compile("\\d{6}");

    /** A device; {@code userKey} and {@code enableDate} are null while it is unassigned. */
    private static final class Device {
        final String serialNumber;
        final String nameKey;
        final Secret seed;
        String userKey;
        Instant enableDate;

        Device(String serialNumber, String nameKey, Secret seed) {
            this.serialNumber = serialNumber;
            this.nameKey = nameKey;
            this.seed = seed;
        }
    }

    private final Map<String, Device> bySerial = new LinkedHashMap<>();

    NewVirtualMfa create(String deviceName, String path, String accountId) {
        if (deviceName == null || !DEVICE_NAME.matcher(deviceName).matches()) {
            throw new IamException.InvalidInput("Value '" + deviceName + "' at 'virtualMFADeviceName' failed to "
                    + "satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+");
        }
        if (!IamNames.isPath(path)) {
            throw new IamException.InvalidInput("Path '" + path + "' does not match the IAM path pattern");
        }
        String nameKey = InMemoryIamDirectory.key(deviceName);
        if (bySerial.values().stream().anyMatch(d -> d.nameKey.equals(nameKey))) {
            throw new IamException.EntityAlreadyExists("MFADevice entity at the same path and name already exists.");
        }
        String serial = "arn:aws:iam::" + accountId + ":mfa" + path + deviceName;
        Device device = new Device(serial, nameKey, IamIds.mfaSeed());
        bySerial.put(serial, device);
        return new NewVirtualMfa(serial, device.seed);
    }

    void enable(String userKey, String serialNumber, String code1, String code2, Instant now) {
        Device device = require(serialNumber);
        if (device.userKey != null) {
            throw new IamException.EntityAlreadyExists("MFA device " + serialNumber + " is already in use.");
        }
        if (assignedTo(userKey).size() >= MAX_PER_USER) {
            throw new IamException.LimitExceeded("Cannot exceed quota for MFADevicesPerUser: " + MAX_PER_USER);
        }
        for (String code : new String[] {code1, code2}) {
            if (code == null || !CODE.matcher(code).matches()) {
                throw new IamException.InvalidInput("Authentication codes must be 6 digits");
            }
        }
        if (!Totp.consecutive(device.seed, code1, code2, now)) {
            throw new IamException.InvalidInput("InvalidAuthenticationCode: Authentication code for device is not "
                    + "valid.");
        }
        device.userKey = userKey;
        device.enableDate = now;
    }

    /** The device stays in the account, unassigned, ready to be deleted or assigned again. */
    void deactivate(String userKey, String serialNumber) {
        Device device = bySerial.get(serialNumber);
        if (device == null || !userKey.equals(device.userKey)) {
            throw new IamException.NoSuchEntity("MFA Device with serial number " + serialNumber
                    + " is not assigned to this user.");
        }
        device.userKey = null;
        device.enableDate = null;
    }

    void delete(String serialNumber) {
        Device device = require(serialNumber);
        if (device.userKey != null) {
            throw new IamException.DeleteConflict("MFA device " + serialNumber + " is still assigned to a user; "
                    + "deactivate it first.");
        }
        bySerial.remove(serialNumber);
    }

    /** The devices assigned to the user, in the order the devices were created. */
    List<MfaDevice> assignedTo(String userKey) {
        return bySerial.values().stream()
                .filter(d -> userKey.equals(d.userKey))
                .map(d -> new MfaDevice(d.serialNumber, d.enableDate))
                .toList();
    }

    int count() {
        return bySerial.size();
    }

    int inUse() {
        return (int) bySerial.values().stream().filter(d -> d.userKey != null).count();
    }

    void clear() {
        bySerial.clear();
    }

    private Device require(String serialNumber) {
        Device device = bySerial.get(serialNumber);
        if (device == null) {
            throw new IamException.NoSuchEntity("VirtualMFADevice with serial number " + serialNumber
                    + " doesn't exist.");
        }
        return device;
    }
}
