package dev.iamsteward.request;

import dev.iamsteward.common.StewardException;
import dev.iamsteward.iam.IamDirectory;
import dev.iamsteward.iam.MfaDevice;
import dev.iamsteward.request.PlanStep.CreateVirtualMfaDevice;
import dev.iamsteward.request.PlanStep.DeactivateMfaDevice;
import dev.iamsteward.request.PlanStep.DeleteVirtualMfaDevice;
import dev.iamsteward.request.PlanStep.EnableMfaDevice;
import java.util.ArrayList;
import java.util.List;

/**
 * MFA enrolment and removal. Enrolment makes a virtual device named after the user under the managed path,
 * hands its seed to the owner once, and enables it when the owner proves with two consecutive codes that
 * their authenticator holds the seed.
 */
final class MfaPlan {

    private MfaPlan() {
    }

    static List<PlanStep> enrol(IamDirectory iam, AccessRequest request, String managedPath) {
        if (request.owner == null) {
            throw StewardException.conflict("'" + request.userName + "' has no owner tag, so there is nobody to hand "
                    + "its MFA seed to");
        }
        if (!iam.listMfaDevices(request.userName).isEmpty()) {
            throw StewardException.conflict("'" + request.userName + "' already has an MFA device; remove it first");
        }
        String account = request.userArn.split(":")[4];
        String serial = "arn:aws:iam::" + account + ":mfa" + managedPath + request.userName;
        return List.of(new CreateVirtualMfaDevice(request.userName, request.userName, managedPath, serial),
                new EnableMfaDevice(request.userName, serial));
    }

    static List<PlanStep> remove(IamDirectory iam, AccessRequest request) {
        List<MfaDevice> devices = iam.listMfaDevices(request.userName);
        if (devices.isEmpty()) {
            throw StewardException.conflict("'" + request.userName + "' has no MFA device");
        }
        return removal(request.userName, devices);
    }

    /** Each device deactivated, and a virtual one deleted; offboarding removes them the same way. */
    static List<PlanStep> removal(String user, List<MfaDevice> devices) {
        List<PlanStep> steps = new ArrayList<>();
        for (MfaDevice device : devices) {
            steps.add(new DeactivateMfaDevice(user, device.serialNumber()));
            if (device.virtual()) {
                steps.add(new DeleteVirtualMfaDevice(user, device.serialNumber()));
            }
        }
        return steps;
    }
}
