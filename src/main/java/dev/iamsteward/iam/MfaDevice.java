package dev.iamsteward.iam;

import java.time.Instant;

/** An MFA device assigned to a user. */
public record MfaDevice(String serialNumber, Instant enableDate) {

    /** Virtual devices have an ARN ({@code arn:aws:iam::…:mfa/…}) for serial; hardware and FIDO keys do not. */
    public boolean virtual() {
        return serialNumber.startsWith("arn:") && serialNumber.contains(":mfa/");
    }
}
