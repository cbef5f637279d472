package dev.iamsteward.iam.memory;

import static dev.iamsteward.iam.memory.MemoryFixtures.BY;
import static dev.iamsteward.iam.memory.MemoryFixtures.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamsteward.common.Secret;
import dev.iamsteward.iam.AccessKey;
import dev.iamsteward.iam.AccessKeyUsage;
import dev.iamsteward.iam.IamException;
import dev.iamsteward.iam.LoginProfile;
import dev.iamsteward.iam.NewAccessKey;
import dev.iamsteward.iam.NewUser;
import dev.iamsteward.iam.PasswordPolicy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Console passwords and access keys behave as IAM's do: one profile, a password policy, two keys, last use. */
class InMemoryIamCredentialsTest {

    private static final String USER = "carol";

    private final InMemoryIamDirectory iam = MemoryFixtures.iamWithUser(USER);

    @Test
    void aUserHasAtMostOneLoginProfile() {
        iam.createLoginProfile(USER, Secret.of("Str0ng!pass"), true, BY);

        assertEquals(new LoginProfile(NOW, true), iam.findLoginProfile(USER).orElseThrow());
        assertThrows(IamException.EntityAlreadyExists.class,
                () -> iam.createLoginProfile(USER, Secret.of("weak"), false, BY));
        iam.deleteLoginProfile(USER, BY);
        assertTrue(iam.findLoginProfile(USER).isEmpty());
        assertThrows(IamException.NoSuchEntity.class, () -> iam.deleteLoginProfile(USER, BY));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Aa1!aaa     | at least 8 characters",
            "aa1!aaaa    | one uppercase letter",
            "AA1!AAAA    | one lowercase letter",
            "Aab!aaaa    | one number",
            "Aa1aaaaa    | one symbol",
            "Aa1~aaaa    | one symbol"})
    void passwordsMustMeetTheDefaultPolicy(String password, String complaint) {
        IamException.InvalidInput refused = assertThrows(IamException.InvalidInput.class,
                () -> iam.createLoginProfile(USER, Secret.of(password), true, BY));

        assertTrue(refused.getMessage().startsWith("PasswordPolicyViolation: "), refused.getMessage());
        assertTrue(refused.getMessage().contains(complaint), refused.getMessage());
        assertFalse(refused.getMessage().contains(password), "the password must not reach a message");
        assertTrue(iam.findLoginProfile(USER).isEmpty());
    }

    @Test
    void theAccountsOwnPolicyReplacesTheDefault() {
        assertEquals(PasswordPolicy.AWS_DEFAULT, iam.passwordPolicy());
        iam.setPasswordPolicy(new PasswordPolicy(14, false, false, false, true));

        assertThrows(IamException.InvalidInput.class,
                () -> iam.createLoginProfile(USER, Secret.of("Aa1!aaaa"), true, BY));
        iam.createLoginProfile(USER, Secret.of("only lowercase"), true, BY);
        assertTrue(iam.findLoginProfile(USER).isPresent());
        assertEquals(14, iam.passwordPolicy().minimumLength());
    }

    @Test
    void passwordsOutsideTheApisCharacterRangeAreInvalidInputNotPolicyViolations() {
        IamException refused = assertThrows(IamException.InvalidInput.class,
                () -> iam.createLoginProfile(USER, Secret.of("Aa1!aaaa\u20ac"), true, BY));

        assertFalse(refused.getMessage().startsWith("PasswordPolicyViolation"), refused.getMessage());
    }

    @Test
    void newKeysAreActiveAwsShapedAndCarryTheirSecretOnce() {
        NewAccessKey created = iam.createAccessKey(USER, BY);

        assertTrue(created.key().accessKeyId().matches("AKIA[A-Z0-9]{16}"), created.key().accessKeyId());
        assertTrue(created.secretAccessKey().reveal().matches("[A-Za-z0-9+/]{40}"));
        assertEquals(AccessKey.Status.ACTIVE, created.key().status());
        assertEquals(NOW, created.key().createDate());
        assertEquals(List.of(created.key()), iam.listAccessKeys(USER));
        assertNotEquals(created.secretAccessKey(), iam.createAccessKey(USER, BY).secretAccessKey());
    }

    @Test
    void aThirdKeyExceedsTheQuotaAndKeysListInCreationOrder() {
        String first = iam.createAccessKey(USER, BY).key().accessKeyId();
        String second = iam.createAccessKey(USER, BY).key().accessKeyId();
        iam.updateAccessKey(USER, first, AccessKey.Status.INACTIVE, BY);

        assertThrows(IamException.LimitExceeded.class, () -> iam.createAccessKey(USER, BY));
        assertEquals(List.of(first, second), iam.listAccessKeys(USER).stream().map(AccessKey::accessKeyId).toList());
        assertEquals(AccessKey.Status.INACTIVE, iam.listAccessKeys(USER).get(0).status());
    }

    @Test
    void anotherUsersKeyCannotBeUpdatedOrDeleted() {
        iam.createUser(new NewUser("dave", "/", MemoryFixtures.BOUNDARY, Map.of()), BY);
        String davesKey = iam.createAccessKey("dave", BY).key().accessKeyId();

        assertThrows(IamException.NoSuchEntity.class,
                () -> iam.updateAccessKey(USER, davesKey, AccessKey.Status.INACTIVE, BY));
        assertThrows(IamException.NoSuchEntity.class, () -> iam.deleteAccessKey(USER, davesKey, BY));
        assertEquals(AccessKey.Status.ACTIVE, iam.listAccessKeys("dave").get(0).status());
        iam.deleteAccessKey("dave", davesKey, BY);
        assertEquals(List.of(), iam.listAccessKeys("dave"));
    }

    @Test
    void lastUseIsNotApplicableUntilAKeyIsUsedAndThenTheLatestUse() {
        String key = iam.createAccessKey(USER, BY).key().accessKeyId();
        assertEquals(new AccessKeyUsage(null, "N/A", "N/A"), iam.accessKeyLastUsed(key));

        Instant used = NOW.plusSeconds(3600);
        iam.recordKeyUse(key, NOW, "s3", "eu-west-1");
        iam.recordKeyUse(key, used, "iam", "us-east-1");

        assertEquals(new AccessKeyUsage(used, "iam", "us-east-1"), iam.accessKeyLastUsed(key));
        assertEquals("GetAccessKeyLastUsed", iam.calls().get(iam.calls().size() - 1).operation());
    }

    @Test
    void lastUseOfUnknownDeletedOrInactiveKeysIsRefused() {
        String key = iam.createAccessKey(USER, BY).key().accessKeyId();
        iam.updateAccessKey(USER, key, AccessKey.Status.INACTIVE, BY);

        assertThrows(IllegalStateException.class, () -> iam.recordKeyUse(key, NOW, "s3", "eu-west-1"));
        assertNull(iam.accessKeyLastUsed(key).lastUsed());
        iam.deleteAccessKey(USER, key, BY);
        assertThrows(IamException.NoSuchEntity.class, () -> iam.accessKeyLastUsed(key));
        assertThrows(IamException.NoSuchEntity.class, () -> iam.recordKeyUse(key, NOW, "s3", "eu-west-1"));
        assertThrows(IamException.InvalidInput.class, () -> iam.accessKeyLastUsed("short"));
    }
}
