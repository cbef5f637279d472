package dev.iamsteward.request;

import dev.iamsteward.common.ErrorKind;
import dev.iamsteward.common.StewardException;
import dev.iamsteward.iam.IamDirectory;
import dev.iamsteward.iam.MfaDevice;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MFA enrolment and removal. Enrolment makes a virtual device named after the user under the managed path,
 * hands its seed to the owner once, and enables it when the owner proves with two consecutive codes that
 * their authenticator holds the seed.
 */
final class MfaPlan {

    private MfaPlan() {
    }

    static List<PlannedCall> enrol(IamDirectory iam, AccessRequest request, String managedPath) {
        if (request.owner == null) {
            throw conflict("'" + request.userName + "' has no owner tag, so there is nobody to hand its MFA seed to");
        }
        if (!iam.listMfaDevices(request.userName).isEmpty()) {
            throw conflict("'" + request.userName + "' already has an MFA device; remove it first");
        }
        String account = request.userArn.split(":")[4];
        String serial = "arn:aws:iam::" + account + ":mfa" + managedPath + request.userName;
        return List.of(
                call(request, "iam:CreateVirtualMFADevice", Map.of("VirtualMFADeviceName", request.userName,
                        "Path", managedPath, "SerialNumber", serial)),
                call(request, "iam:EnableMFADevice", Map.of("SerialNumber", serial)));
    }

    static List<PlannedCall> remove(IamDirectory iam, AccessRequest request) {
        List<MfaDevice> devices = iam.listMfaDevices(request.userName);
        if (devices.isEmpty()) {
            throw conflict("'" + request.userName + "' has no MFA device");
        }
        List<PlannedCall> calls = new ArrayList<>();
        for (MfaDevice device : devices) {
            calls.add(call(request, "iam:DeactivateMFADevice", Map.of("SerialNumber", device.serialNumber())));
            if (device.virtual()) {
                calls.add(call(request, "iam:DeleteVirtualMFADevice", Map.of("SerialNumber", device.serialNumber())));
            }
        }
        return calls;
    }

    private static PlannedCall call(AccessRequest request, String action, Map<String, String> extra) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("UserName", request.userName);
        parameters.putAll(extra);
        return new PlannedCall(action, parameters);
    }

    private static StewardException conflict(String detail) {
        return new StewardException(ErrorKind.STATE_CONFLICT, detail);
    }
}
