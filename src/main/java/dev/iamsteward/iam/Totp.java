package dev.iamsteward.iam;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import dev.iamsteward.common.Secret;
import java.security.InvalidKeyException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/**
 * Time-based one-time passwords as IAM's virtual MFA devices make them (RFC 6238: HMAC-SHA1, 30 s steps,
 * 6 digits, Base32 seed), and IAM's enrolment check: two codes from consecutive steps.
 */
public final class Totp {

    private static final TimeBasedOneTimePasswordGenerator GENERATOR = new TimeBasedOneTimePasswordGenerator();
    private static final Duration STEP = GENERATOR.getTimeStep();
    /** How many steps either side of now a pair of codes may come from, for clock drift and typing time. */
    private static final int DRIFT_STEPS = 2;

    private Totp() {
    }

    /** The code the device shows at {@code at}. */
    public static String codeAt(Secret base32Seed, Instant at) {
        byte[] key = new Base32().decode(base32Seed.reveal().toUpperCase(Locale.ROOT));
        try {
            return GENERATOR.generateOneTimePasswordString(new SecretKeySpec(key, GENERATOR.getAlgorithm()), at,
                    Locale.ROOT);
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException("not a usable MFA seed", e);
        }
    }

    /** True when {@code code1} and {@code code2} are the codes of two consecutive steps near {@code now}. */
    public static boolean consecutive(Secret base32Seed, String code1, String code2, Instant now) {
        for (int offset = -DRIFT_STEPS; offset < DRIFT_STEPS; offset++) {
            Instant first = now.plus(STEP.multipliedBy(offset));
            if (codeAt(base32Seed, first).equals(code1) && codeAt(base32Seed, first.plus(STEP)).equals(code2)) {
                return true;
            }
        }
        return false;
    }
}
