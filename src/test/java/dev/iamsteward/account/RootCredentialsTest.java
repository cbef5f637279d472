package dev.iamsteward.account;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The check that keeps the service off the root user's credentials. */
class RootCredentialsTest {

    @Test
    void theRootUsersArnIsRefusedWithWhatToDoInstead() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> RootCredentials.refuse("arn:aws:iam::123456789012:root"));

        assertTrue(refused.getMessage().contains("refuses to start"), refused.getMessage());
        assertTrue(refused.getMessage().contains("arn:aws:iam::123456789012:root"), refused.getMessage());
        assertTrue(refused.getMessage().contains("steward.aws.role-arn"), refused.getMessage());
    }

    @Test
    void usersRolesAndSessionsAreAccepted() {
        assertDoesNotThrow(() -> RootCredentials.refuse("arn:aws:iam::123456789012:user/deployer"));
        assertDoesNotThrow(() -> RootCredentials.refuse("arn:aws:sts::123456789012:assumed-role/ops/root"));
        assertFalse(RootCredentials.isRoot("arn:aws:iam::123456789012:user/root-like"));
        assertTrue(RootCredentials.isRoot("arn:aws-us-gov:iam::123456789012:root"));
    }
}
