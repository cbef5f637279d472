package dev.iamsteward.iam.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.iamsteward.common.Secret;
import dev.iamsteward.iam.AccessKey;
import dev.iamsteward.iam.Attribution;
import dev.iamsteward.iam.IamException;
import dev.iamsteward.iam.NewAccessKey;
import dev.iamsteward.iam.NewUser;
import dev.iamsteward.support.TestClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** GetCallerIdentity signed with a key, in the in-memory IAM: AWS's propagation delay and refusals, modelled. */
class InMemoryKeyPropagationTest {

    private static final Attribution BY = new Attribution(UUID.randomUUID(), "requester", List.of());

    private final TestClock clock = new TestClock();
    private final InMemoryIamDirectory iam = new InMemoryIamDirectory(clock, "111122223333");

    private String user() {
        return iam.createUser(new NewUser("ann", "/steward/", null, Map.of()), BY).userName();
    }

    @Test
    void aKeyAuthenticatesAsItsUserWithoutDelayByDefault() {
        NewAccessKey key = iam.createAccessKey(user(), BY);

        var identity = iam.callerIdentity(key.key().accessKeyId(), key.secretAccessKey());

        assertEquals("arn:aws:iam::111122223333:user/steward/ann", identity.arn());
        assertEquals("111122223333", identity.account());
    }

    @Test
    void aNewKeyRefusesItsFirstChecksThenAuthenticates() {
        iam.delayKeyPropagation(2, Duration.ZERO);
        NewAccessKey key = iam.createAccessKey(user(), BY);
        String id = key.key().accessKeyId();

        for (int i = 0; i < 2; i++) {
            IamException.KeyNotAuthenticating e = assertThrows(IamException.KeyNotAuthenticating.class,
                    () -> iam.callerIdentity(id, key.secretAccessKey()));
            assertEquals("InvalidClientTokenId", e.code());
        }
        assertEquals("arn:aws:iam::111122223333:user/steward/ann", iam.callerIdentity(id, key.secretAccessKey()).arn());
    }

    @Test
    void aNewKeyRefusesChecksForADurationAfterItWasMade() {
        iam.delayKeyPropagation(0, Duration.ofSeconds(10));
        NewAccessKey key = iam.createAccessKey(user(), BY);
        String id = key.key().accessKeyId();

        assertThrows(IamException.KeyNotAuthenticating.class, () -> iam.callerIdentity(id, key.secretAccessKey()));
        clock.advance(Duration.ofSeconds(11));
        assertEquals("ann", iam.callerIdentity(id, key.secretAccessKey()).arn().replaceAll(".*/", ""));
    }

    @Test
    void aWrongSecretAnInactiveKeyAndADeletedKeyNeverAuthenticate() {
        String user = user();
        NewAccessKey key = iam.createAccessKey(user, BY);
        String id = key.key().accessKeyId();

        assertEquals("SignatureDoesNotMatch", assertThrows(IamException.KeyNotAuthenticating.class,
                () -> iam.callerIdentity(id, Secret.of("not-the-secret"))).code());
        iam.updateAccessKey(user, id, AccessKey.Status.INACTIVE, BY);
        assertEquals("InvalidClientTokenId", assertThrows(IamException.KeyNotAuthenticating.class,
                () -> iam.callerIdentity(id, key.secretAccessKey())).code());
        iam.updateAccessKey(user, id, AccessKey.Status.ACTIVE, BY);
        iam.callerIdentity(id, key.secretAccessKey());
        iam.deleteAccessKey(user, id, BY);
        assertEquals("InvalidClientTokenId", assertThrows(IamException.KeyNotAuthenticating.class,
                () -> iam.callerIdentity(id, key.secretAccessKey())).code());
    }
}
