package dev.iamsteward.credential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamsteward.common.Secret;
import dev.iamsteward.iam.PasswordPolicy;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Generated passwords meet the policy, and are not the same twice. */
class PasswordGeneratorTest {

    @Test
    void meetsEveryCharacterClassAndTheLength() {
        for (int i = 0; i < 500; i++) {
            String password = PasswordGenerator.generate(PasswordPolicy.AWS_DEFAULT, 20).reveal();
            assertEquals(20, password.length());
            assertTrue(password.chars().anyMatch(c -> PasswordGenerator.UPPER.indexOf(c) >= 0), password);
            assertTrue(password.chars().anyMatch(c -> PasswordGenerator.LOWER.indexOf(c) >= 0), password);
            assertTrue(password.chars().anyMatch(c -> PasswordGenerator.DIGITS.indexOf(c) >= 0), password);
            assertTrue(password.chars().anyMatch(c -> PasswordGenerator.SYMBOLS.indexOf(c) >= 0), password);
        }
    }

    @Test
    void aLongerPolicyMinimumWins() {
        assertEquals(40, PasswordGenerator.generate(new PasswordPolicy(40, false, false, false, false), 20)
                .reveal().length());
    }

    @Test
    void passwordsDoNotRepeatAndNeverPrintThemselves() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            Secret password = PasswordGenerator.generate(PasswordPolicy.AWS_DEFAULT, 20);
            assertTrue(seen.add(password.reveal()));
            assertEquals("[redacted]", password.toString());
        }
    }
}
