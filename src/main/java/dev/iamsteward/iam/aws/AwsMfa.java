package dev.iamsteward.iam.aws;

import static dev.iamsteward.iam.aws.IamCalls.call;
import static dev.iamsteward.iam.aws.IamCalls.run;

import dev.iamsteward.common.Secret;
import dev.iamsteward.iam.Attribution;
import dev.iamsteward.iam.MfaDevice;
import dev.iamsteward.iam.NewVirtualMfa;
import java.util.List;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.VirtualMFADevice;

/** MFA devices: virtual devices created, assigned to a user, taken off again and deleted. */
final class AwsMfa {

    private final IamCalls calls;
    private final IamClient iam;

    AwsMfa(IamCalls calls) {
        this.calls = calls;
        this.iam = calls.client();
    }

    List<MfaDevice> listMfaDevices(String userName) {
        return call(() -> iam.listMFADevicesPaginator(r -> r.userName(userName)
                        .overrideConfiguration(calls.asService()))
                .mfaDevices().stream().map(d -> new MfaDevice(d.serialNumber(), d.enableDate())).toList());
    }

    /** IAM returns the Base32 seed as bytes of its text; it goes straight into a {@link Secret}. */
    NewVirtualMfa createVirtualMfaDevice(String deviceName, String path, Attribution attribution) {
        VirtualMFADevice device = call(() -> iam.createVirtualMFADevice(r -> r.virtualMFADeviceName(deviceName)
                .path(path).overrideConfiguration(calls.creating(attribution))).virtualMFADevice());
        return new NewVirtualMfa(device.serialNumber(), Secret.of(device.base32StringSeed().asUtf8String()));
    }

    void enableMfaDevice(String userName, String serialNumber, String code1, String code2,
            Attribution attribution) {
        run(() -> iam.enableMFADevice(r -> r.userName(userName).serialNumber(serialNumber)
                .authenticationCode1(code1).authenticationCode2(code2)
                .overrideConfiguration(calls.as(attribution))));
    }

    void deactivateMfaDevice(String userName, String serialNumber, Attribution attribution) {
        run(() -> iam.deactivateMFADevice(r -> r.userName(userName).serialNumber(serialNumber)
                .overrideConfiguration(calls.as(attribution))));
    }

    void deleteVirtualMfaDevice(String serialNumber, Attribution attribution) {
        run(() -> iam.deleteVirtualMFADevice(r -> r.serialNumber(serialNumber)
                .overrideConfiguration(calls.as(attribution))));
    }
}
