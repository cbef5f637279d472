package dev.iamsteward.credential.aws;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iamsteward.credential.DeliveryService;
import io.opentelemetry.api.OpenTelemetry;
import io.quarkus.logging.Log;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.PutSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.Tag;

/**
 * Writes a delivered secret to AWS Secrets Manager, as {@code <prefix><user>/<kind>[/<label>]}, with a resource
 * policy that lets the IAM user it belongs to read it and denies reading to every other principal. The label
 * (an access key id, say) is part of the name only when it is one word; otherwise one secret per user and kind
 * takes a new version each time, so a reset console password replaces the old one.
 */
public class SecretsManagerSink implements AutoCloseable {

    static final String TAG_REQUEST = "iam-steward:request-id";
    static final String TAG_USER = "iam-steward:user";
    static final String GET_SECRET_VALUE = "secretsmanager:GetSecretValue";
    private static final int MAX_NAME = 512;
    private static final Pattern NOT_NAME_CHAR = Pattern.compile("[^A-Za-z0-9/_+=.@-]");
    /** AWS ends each ARN with "-" and six characters; a name ending alike confuses lookups by partial ARN. */
    private static final Pattern ARN_SUFFIX_ALIKE = Pattern.compile("-[A-Za-z0-9]{6}$");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where a secret was written: the secret and the version holding this value. */
    public record Written(String arn, String name, String versionId) {
    }

    private final SecretsManagerConfig config;
    private final SecretsManagerClient secrets;

    /** Writes through {@code secrets}, which {@link #close()} closes. */
    public SecretsManagerSink(SecretsManagerConfig config, SecretsManagerClient secrets) {
        this.config = config;
        this.secrets = secrets;
    }

    /** A sink with its own Secrets Manager client, built from {@code config}. */
    public static SecretsManagerSink from(SecretsManagerConfig config, OpenTelemetry telemetry) {
        return new SecretsManagerSink(config, CredentialClients.secretsManager(config, telemetry));
    }

    /**
     * Stores the parcel's secret for the IAM user {@code userArn} names, creating the secret or adding a version.
     * Writing the same step again with the same value adds no version. The policy is in place before the value.
     */
    public Written write(DeliveryService.Parcel parcel, String userArn) {
        String name = nameFor(parcel);
        try {
            String arn = ensureSecret(name, parcel);
            secrets.putResourcePolicy(r -> r.secretId(arn).resourcePolicy(policy(userArn)).blockPublicPolicy(true));
            PutSecretValueResponse put = secrets.putSecretValue(r -> r.secretId(arn)
                    .clientRequestToken(versionToken(parcel)).secretString(parcel.secret().reveal()));
            Log.infof("Stored the %s of IAM user %s in Secrets Manager as %s, version %s", parcel.kind(),
                    parcel.userName(), put.name(), put.versionId());
            return new Written(put.arn(), put.name(), put.versionId());
        } catch (SdkException e) {
            throw new IllegalStateException("Secrets Manager did not store the " + parcel.kind() + " of user "
                    + parcel.userName() + " as " + name + ": " + reason(e), e);
        }
    }

    /** The secret's name: the prefix, user, kind and a one-word label, with characters AWS refuses as "_". */
    String nameFor(DeliveryService.Parcel parcel) {
        StringBuilder name = new StringBuilder(config.namePrefix()).append(parcel.userName()).append('/')
                .append(parcel.kind().name().toLowerCase(Locale.ROOT));
        String label = parcel.label();
        if (label != null && !label.isBlank() && label.chars().noneMatch(Character::isWhitespace)) {
            name.append('/').append(label);
        }
        String safe = NOT_NAME_CHAR.matcher(name).replaceAll("_");
        if (ARN_SUFFIX_ALIKE.matcher(safe).find()) {
            safe += "_";
        }
        if (safe.length() > MAX_NAME) {
            throw new IllegalStateException("secret name for user " + parcel.userName() + " is over " + MAX_NAME
                    + " characters");
        }
        return safe;
    }

    /**
     * The ARN of the named secret, created empty if missing;
     * refuses one that iam-steward did not make for the user.
     */
    private String ensureSecret(String name, DeliveryService.Parcel parcel) {
        DescribeSecretResponse existing;
        try {
            existing = secrets.describeSecret(r -> r.secretId(name));
        } catch (ResourceNotFoundException e) {
            return create(name, parcel);
        }
        boolean ours = existing.tags().stream()
                .anyMatch(t -> TAG_USER.equals(t.key()) && parcel.userName().equals(t.value()));
        if (!ours) {
            throw new IllegalStateException("Secrets Manager secret " + name + " exists but is not tagged "
                    + TAG_USER + "=" + parcel.userName() + "; not writing into it");
        }
        if (existing.deletedDate() != null) {
            throw new IllegalStateException("Secrets Manager secret " + name + " is scheduled for deletion; "
                    + "restore or delete it first");
        }
        secrets.tagResource(r -> r.secretId(existing.arn()).tags(tag(TAG_REQUEST, parcel.requestId().toString())));
        return existing.arn();
    }

    /** Creates the secret without a value, so that no version exists before the resource policy does. */
    private String create(String name, DeliveryService.Parcel parcel) {
        CreateSecretRequest.Builder request = CreateSecretRequest.builder().name(name)
                .description("Written by iam-steward for IAM user " + parcel.userName())
                .tags(tag(TAG_REQUEST, parcel.requestId().toString()), tag(TAG_USER, parcel.userName()));
        config.kmsKeyId().ifPresent(request::kmsKeyId);
        return secrets.createSecret(request.build()).arn();
    }

    /** Allows the user to read the secret and denies reading to every other principal, administrators included. */
    static String policy(String userArn) {
        ObjectNode document = JSON.createObjectNode().put("Version", "2012-10-17");
        ArrayNode statements = document.putArray("Statement");
        ObjectNode allow = statements.addObject().put("Sid", "OwnerMayRead").put("Effect", "Allow");
        allow.putObject("Principal").put("AWS", userArn);
        allow.put("Action", GET_SECRET_VALUE).put("Resource", "*");
        ObjectNode deny = statements.addObject().put("Sid", "NoOneElseMayRead").put("Effect", "Deny")
                .put("Principal", "*").put("Action", GET_SECRET_VALUE).put("Resource", "*");
        deny.putObject("Condition").putObject("StringNotEquals").put("aws:PrincipalArn", userArn);
        return document.toString();
    }

    /** A version id fixed by the step, so a step that runs again does not add a second version. */
    private static String versionToken(DeliveryService.Parcel parcel) {
        return UUID.nameUUIDFromBytes(("iam-steward:" + parcel.requestId() + ":" + parcel.step())
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    private static String reason(SdkException e) {
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            return service.awsErrorDetails().errorCode() + " " + service.awsErrorDetails().errorMessage();
        }
        return e.getMessage();
    }

    @Override
    public void close() {
        secrets.close();
    }
}
