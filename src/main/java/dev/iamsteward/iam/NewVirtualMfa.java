package dev.iamsteward.iam;

import dev.iamsteward.common.Secret;

/** A virtual MFA device just created, not yet assigned: its serial and the Base32 seed IAM hands out once. */
public record NewVirtualMfa(String serialNumber, Secret base32Seed) {
}
