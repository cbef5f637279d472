package dev.iamsteward.credential.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iamsteward.common.Secret;
import dev.iamsteward.credential.DeliveryService;
import dev.iamsteward.credential.SecretDelivery;
import dev.iamsteward.support.MotoServer;
import io.opentelemetry.api.OpenTelemetry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.SecretVersionsListEntry;
import software.amazon.awssdk.services.secretsmanager.model.Tag;

/**
 * The Secrets Manager sink against moto over HTTP. moto keeps secrets, versions, stages, tags, the KMS key id
 * and resource policies as written, and honours ClientRequestToken; it does not enforce resource policies (any
 * caller can read any secret), ignores BlockPublicPolicy, does not check that the policy's principal exists or
 * that the KMS key does, and does not encrypt with it. So these tests check what is written, not who can read it.
 */
class SecretsManagerSinkMotoTest {

    private static final String USER_ARN = "arn:aws:iam::123456789012:user/steward/alice";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MotoServer moto = MotoServer.get();
    private SecretsManagerClient reader;
    private SecretsManagerSink sink;

    @BeforeEach
    void freshMoto() {
        moto.reset();
        reader = SecretsManagerClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.US_EAST_1).endpointOverride(moto.endpoint()).build();
        sink = sink(Map.of());
    }

    @AfterEach
    void close() {
        sink.close();
        reader.close();
    }

    @Test
    void theFirstWriteCreatesTheSecretTaggedAndReadableByTheUserAlone() throws Exception {
        DeliveryService.Parcel parcel = accessKey("alice", "TESTKEYID00000000001", "secret-1");

        SecretsManagerSink.Written written = sink.write(parcel, USER_ARN);

        assertEquals("iam-steward/alice/access_key_secret/TESTKEYID00000000001", written.name());
        DescribeSecretResponse described = reader.describeSecret(r -> r.secretId(written.name()));
        assertEquals(written.arn(), described.arn());
        assertEquals(Map.of(SecretsManagerSink.TAG_REQUEST, parcel.requestId().toString(),
                SecretsManagerSink.TAG_USER, "alice"), tags(described));
        assertEquals("secret-1", reader.getSecretValue(r -> r.secretId(written.arn())).secretString());

        JsonNode statements = policy(written.name()).path("Statement");
        assertEquals(2, statements.size());
        JsonNode allow = statement(statements, "Allow");
        assertEquals(USER_ARN, allow.path("Principal").path("AWS").asText());
        assertEquals("secretsmanager:GetSecretValue", allow.path("Action").asText());
        JsonNode deny = statement(statements, "Deny");
        assertEquals("*", deny.path("Principal").asText());
        assertEquals("secretsmanager:GetSecretValue", deny.path("Action").asText());
        assertEquals(USER_ARN, deny.path("Condition").path("StringNotEquals").path("aws:PrincipalArn").asText());
    }

    @Test
    void aSecondWriteUnderTheSameNamePutsANewCurrentVersion() {
        DeliveryService.Parcel first = password("alice", "first-Password-1!");
        DeliveryService.Parcel second = password("alice", "second-Password-2!");

        SecretsManagerSink.Written one = sink.write(first, USER_ARN);
        SecretsManagerSink.Written two = sink.write(second, USER_ARN);

        assertEquals("iam-steward/alice/console_password", two.name());
        assertEquals(one.arn(), two.arn());
        assertNotEquals(one.versionId(), two.versionId());
        assertEquals("second-Password-2!", reader.getSecretValue(r -> r.secretId(two.name())).secretString());
        assertEquals("first-Password-1!", reader.getSecretValue(r -> r.secretId(two.name())
                .versionId(one.versionId())).secretString());
        Map<String, List<String>> stages = reader.listSecretVersionIds(r -> r.secretId(two.name())).versions()
                .stream().collect(Collectors.toMap(SecretVersionsListEntry::versionId,
                        SecretVersionsListEntry::versionStages));
        assertEquals(2, stages.size());
        assertTrue(stages.get(two.versionId()).contains("AWSCURRENT"), stages.toString());
        assertTrue(stages.get(one.versionId()).contains("AWSPREVIOUS"), stages.toString());
        assertEquals(second.requestId().toString(),
                tags(reader.describeSecret(r -> r.secretId(two.name()))).get(SecretsManagerSink.TAG_REQUEST));
    }

    @Test
    void writingTheSameStepAgainAddsNoVersion() {
        DeliveryService.Parcel parcel = password("alice", "only-Password-1!");

        SecretsManagerSink.Written once = sink.write(parcel, USER_ARN);
        SecretsManagerSink.Written again = sink.write(parcel, USER_ARN);

        assertEquals(once.versionId(), again.versionId());
        assertEquals(1, reader.listSecretVersionIds(r -> r.secretId(once.name())).versions().size());
    }

    @Test
    void aSecretItDidNotCreateIsLeftAlone() {
        String name = "iam-steward/alice/console_password";
        reader.createSecret(r -> r.name(name).secretString("planted"));

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> sink.write(password("alice", "new-Password-1!"), USER_ARN));

        assertTrue(refused.getMessage().contains(name), refused.getMessage());
        assertEquals("planted", reader.getSecretValue(r -> r.secretId(name)).secretString());
        assertEquals(null, reader.getResourcePolicy(r -> r.secretId(name)).resourcePolicy());
    }

    @Test
    void theConfiguredPrefixAndKmsKeyAreUsed() {
        try (SecretsManagerSink custom = sink(Map.of(
                "steward.credentials.secrets-manager.name-prefix", "team-a/",
                "steward.credentials.secrets-manager.kms-key-id", "alias/iam-steward-secrets"))) {

            SecretsManagerSink.Written written = custom.write(password("alice", "a-Password-1!"), USER_ARN);

            assertEquals("team-a/alice/console_password", written.name());
            assertEquals("alias/iam-steward-secrets",
                    reader.describeSecret(r -> r.secretId(written.name())).kmsKeyId());
        }
    }

    @Test
    void namesKeepToTheCharactersSecretsManagerAccepts() {
        UUID request = UUID.randomUUID();
        Secret secret = Secret.of("x");

        assertEquals("iam-steward/a_b/mfa_seed/arn_aws_iam__123456789012_mfa/a_b", sink.nameFor(
                new DeliveryService.Parcel(request, 1, "a,b", "arn:aws:iam::123456789012:user/a,b", "owner",
                        SecretDelivery.Kind.MFA_SEED, "arn:aws:iam::123456789012:mfa/a,b", secret)));
        assertEquals("iam-steward/bob/console_password", sink.nameFor(password("bob", "x")));
        assertEquals("iam-steward/bob/access_key_secret/key-abcdef_",
                sink.nameFor(accessKey("bob", "key-abcdef", "x")));
        assertTrue(SecretsManagerSink.policy("arn:aws:iam::1:user/\"q\"").contains("user/\\\"q\\\""));
    }

    @Test
    void isOffUnlessEnabled() {
        SecretsManagerConfig defaults = TestCredentialAwsConfig.secretsManager(Map.of());

        assertEquals(false, defaults.enabled());
        assertEquals("iam-steward/", defaults.namePrefix());
        assertEquals("us-east-1", defaults.region());
    }

    private SecretsManagerSink sink(Map<String, String> overrides) {
        Map<String, String> properties = new HashMap<>(Map.of(
                "steward.credentials.secrets-manager.enabled", "true",
                "steward.credentials.secrets-manager.endpoint", moto.endpoint().toString()));
        properties.putAll(overrides);
        return SecretsManagerSink.from(TestCredentialAwsConfig.secretsManager(properties), OpenTelemetry.noop());
    }

    private JsonNode policy(String name) throws Exception {
        return JSON.readTree(reader.getResourcePolicy(r -> r.secretId(name)).resourcePolicy());
    }

    private static JsonNode statement(JsonNode statements, String effect) {
        for (JsonNode statement : statements) {
            if (effect.equals(statement.path("Effect").asText())) {
                return statement;
            }
        }
        throw new AssertionError("no " + effect + " statement in " + statements);
    }

    private static Map<String, String> tags(DescribeSecretResponse described) {
        return described.tags().stream().collect(Collectors.toMap(Tag::key, Tag::value));
    }

    private static DeliveryService.Parcel accessKey(String user, String keyId, String secret) {
        return new DeliveryService.Parcel(UUID.randomUUID(), 2, user,
                "arn:aws:iam::123456789012:user/iam-steward/" + user, "owner", SecretDelivery.Kind.ACCESS_KEY_SECRET,
                keyId, Secret.of(secret));
    }

    private static DeliveryService.Parcel password(String user, String password) {
        return new DeliveryService.Parcel(UUID.randomUUID(), 2, user,
                "arn:aws:iam::123456789012:user/iam-steward/" + user, "owner", SecretDelivery.Kind.CONSOLE_PASSWORD,
                "console password, to be changed at first sign-in", Secret.of(password));
    }
}
