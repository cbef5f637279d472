package dev.iamsteward.iam;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which GetCallerIdentity answers name a key's owner. */
class KeyProverTest {

    private static final String ACCOUNT = "111122223333";
    private static final String ARN = "arn:aws:iam::" + ACCOUNT + ":user/steward/data/ann";

    private static boolean owns(String arn, String account, KeyProver.Owner owner) {
        return KeyProver.isOwner(new CallerIdentity(arn, account, "AIDAEXAMPLE"), owner);
    }

    @Test
    void aKnownArnMustMatchExactly() {
        KeyProver.Owner ann = new KeyProver.Owner("ann", ARN, ACCOUNT);
        assertTrue(owns(ARN, ACCOUNT, ann));
        assertFalse(owns("arn:aws:iam::" + ACCOUNT + ":user/other/ann", ACCOUNT, ann), "another path");
        assertFalse(owns("arn:aws:iam::444455556666:user/steward/data/ann", "444455556666", ann), "another account");
    }

    @Test
    void withoutItsArnTheUserIsAnIamUserOfTheAccountWithItsName() {
        KeyProver.Owner ann = new KeyProver.Owner("Ann", null, ACCOUNT);
        assertTrue(owns(ARN, ACCOUNT, ann), "IAM compares user names case-insensitively");
        assertTrue(owns("arn:aws-us-gov:iam::" + ACCOUNT + ":user/ann", ACCOUNT, ann), "other partitions");
        assertFalse(owns("arn:aws:iam::" + ACCOUNT + ":user/steward/bob", ACCOUNT, ann), "another user");
        assertFalse(owns("arn:aws:iam::" + ACCOUNT + ":user/steward/joann", ACCOUNT, ann), "a name ending alike");
        assertFalse(owns("arn:aws:iam::444455556666:user/steward/ann", "444455556666", ann), "another account");
        assertFalse(owns("arn:aws:sts::" + ACCOUNT + ":assumed-role/ann/session", ACCOUNT, ann), "not a user");
        assertFalse(owns("arn:aws:sts::" + ACCOUNT + ":user/ann", ACCOUNT, ann), "not IAM's ARN");
        assertFalse(owns(null, ACCOUNT, ann));
    }
}
