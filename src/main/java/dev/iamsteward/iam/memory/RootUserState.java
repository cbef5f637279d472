package dev.iamsteward.iam.memory;

import dev.iamsteward.iam.AccessKey;
import dev.iamsteward.iam.LoginProfile;
import dev.iamsteward.iam.MfaDevice;
import java.util.ArrayList;
import java.util.List;

/** One member account's root user in the sandbox organization: what credentials it holds. */
final class RootUserState {

    LoginProfile password;
    final List<AccessKey> keys = new ArrayList<>();
    final List<MfaDevice> mfaDevices = new ArrayList<>();
    final List<String> certificates = new ArrayList<>();
}
