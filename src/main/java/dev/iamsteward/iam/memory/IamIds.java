package dev.iamsteward.iam.memory;

import dev.iamsteward.common.Secret;
import java.security.SecureRandom;
import java.util.Base64;

/** Makes the ids and secrets the in-memory IAM hands out, in the shapes AWS uses. */
final class IamIds {

    private static final String UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    /** 30 random bytes are exactly 40 Base64 characters, the length of an AWS secret access key. */
    private static final int SECRET_BYTES = 30;
    /** 32 Base32 characters are 160 bits, the seed size IAM's virtual MFA devices use. */
    private static final int SEED_LENGTH = 32;
    // Secrets and seeds come from here, so ids share it: no reason to keep a weaker source around.
    private static final SecureRandom RANDOM = new SecureRandom();

    private IamIds() {
    }

    static String userId() {
        return "AIDA" + random(UPPER_ALNUM, 17);
    }

    static String accessKeyId() {
        return "AKIA" + random(UPPER_ALNUM, 16);
    }

    static Secret secretAccessKey() {
        byte[] bytes = new byte[SECRET_BYTES];
        RANDOM.nextBytes(bytes);
        return Secret.of(Base64.getEncoder().encodeToString(bytes));
    }

    static Secret mfaSeed() {
        return Secret.of(random(BASE32, SEED_LENGTH));
    }

    static String signingCertificateId() {
        return random(UPPER_ALNUM, 32);
    }

    static String sshPublicKeyId() {
        return "APKA" + random(UPPER_ALNUM, 16);
    }

    static String serviceSpecificCredentialId() {
        return "ACCA" + random(UPPER_ALNUM, 17);
    }

    private static String random(String alphabet, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
