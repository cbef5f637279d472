package dev.iamsteward.iam.aws;

import static dev.iamsteward.iam.aws.MotoIam.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamsteward.iam.AccessKey;
import dev.iamsteward.iam.AccessKeyUsage;
import dev.iamsteward.iam.IamException;
import dev.iamsteward.iam.NewAccessKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

/** Access keys through the AWS adapter, against moto over HTTP. */
class AwsAccessKeysMotoTest {

    private MotoIam moto;
    private AwsIamDirectory iam;

    @BeforeEach
    void freshMoto() {
        moto = MotoIam.fresh();
        iam = moto.directory();
    }

    @AfterEach
    void close() {
        moto.close();
    }

    @Test
    void createdKeyIsListedSwitchedOffAndDeleted() {
        String user = moto.user("alice");

        NewAccessKey created = iam.createAccessKey(user, request());
        String id = created.key().accessKeyId();

        assertTrue(id.startsWith("AKIA"), id);
        assertEquals(AccessKey.Status.ACTIVE, created.key().status());
        assertTrue(Duration.between(created.key().createDate(), Instant.now()).abs().toMinutes() < 1);
        assertFalse(created.toString().contains(created.secretAccessKey().reveal()), "secret printed");
        assertEquals(List.of(id), iam.listAccessKeys(user).stream().map(AccessKey::accessKeyId).toList());

        iam.updateAccessKey(user, id, AccessKey.Status.INACTIVE, request());
        assertEquals(AccessKey.Status.INACTIVE, iam.listAccessKeys(user).get(0).status());

        iam.deleteAccessKey(user, id, request());
        assertEquals(List.of(), iam.listAccessKeys(user));
    }

    @Test
    void theSecretHandedOutSignsRequestsAsTheUser() {
        String user = moto.user("bob");
        NewAccessKey created = iam.createAccessKey(user, request());

        assertEquals("arn:aws:iam::" + MotoIam.ACCOUNT + ":user/steward/bob", callerArn(created));
    }

    @Test
    void aThirdKeyIsLimitExceeded() {
        String user = moto.user("carol");
        iam.createAccessKey(user, request());
        iam.createAccessKey(user, request());

        assertThrows(IamException.LimitExceeded.class, () -> iam.createAccessKey(user, request()));
        assertEquals(2, iam.listAccessKeys(user).size());
    }

    @Test
    void lastUseIsEmptyUntilTheKeySignsACall() {
        String user = moto.user("dan");
        NewAccessKey created = iam.createAccessKey(user, request());

        AccessKeyUsage unused = iam.accessKeyLastUsed(created.key().accessKeyId());
        assertEquals(new AccessKeyUsage(null, "N/A", "N/A"), unused);

        callerArn(created);
        AccessKeyUsage used = iam.accessKeyLastUsed(created.key().accessKeyId());
        assertNotNull(used.lastUsed());
        assertTrue(Duration.between(used.lastUsed(), Instant.now()).abs().toMinutes() < 1);
        assertEquals("sts", used.serviceName());
        assertEquals("us-east-1", used.region());
    }

    @Test
    void unknownKeysAreNoSuchEntity() {
        String user = moto.user("erin");

        assertThrows(IamException.NoSuchEntity.class,
                () -> iam.deleteAccessKey(user, "TESTKEYID00000000001", request()));
        assertThrows(IamException.NoSuchEntity.class, () -> iam.accessKeyLastUsed("TESTKEYID00000000001"));
        assertThrows(IamException.NoSuchEntity.class, () -> iam.listAccessKeys("nobody"));
    }

    /** Calls STS GetCallerIdentity signed with the new key, which moto records as the key's last use. */
    private String callerArn(NewAccessKey key) {
        AwsBasicCredentials credentials = AwsBasicCredentials.create(key.key().accessKeyId(),
                key.secretAccessKey().reveal());
        try (StsClient sts = StsClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.US_EAST_1).endpointOverride(moto.server().endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(credentials)).build()) {
            return sts.getCallerIdentity().arn();
        }
    }
}
