package dev.iamsteward.iam.aws;

import dev.iamsteward.iam.Attribution;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.Tag;

/**
 * Sessions on the broker role. Each request gets its own session, named after the request and carrying the
 * requester as SourceIdentity, so CloudTrail attributes every IAM call; sessions are cached until near expiry.
 */
final class StsSessions implements AutoCloseable {

    static final String SERVICE_SESSION_NAME = "iam-steward";
    private static final Pattern NOT_IN_IDENTITY = Pattern.compile("[^\\w+=,.@-]");
    private static final Pattern NOT_IN_TAG_VALUE = Pattern.compile("[^\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]");
    private static final int IDENTITY_MAX = 64;
    private static final int TAG_VALUE_MAX = 256;

    private final StsClient sts;
    private final AwsConfig config;
    private final String roleArn;
    private final Optional<String> externalId;
    private final StsAssumeRoleCredentialsProvider service;
    private final Map<Attribution, StsAssumeRoleCredentialsProvider> attributed;

    StsSessions(StsClient sts, AwsConfig config, String roleArn) {
        this(sts, config, roleArn, config.externalId());
    }

    /** Sessions on one target account's broker role, with that role's external id. */
    StsSessions(StsClient sts, AwsConfig config, String roleArn, Optional<String> externalId) {
        this.sts = sts;
        this.config = config;
        this.roleArn = roleArn;
        this.externalId = externalId;
        this.service = provider(base(SERVICE_SESSION_NAME).build());
        this.attributed = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Attribution, StsAssumeRoleCredentialsProvider> eldest) {
                boolean full = size() > config.sessionCacheSize();
                if (full) {
                    eldest.getValue().close();
                }
                return full;
            }
        };
    }

    /** The service's own session, for reads that serve no single request. */
    AwsCredentialsProvider service() {
        return service;
    }

    /** The session for one request's writes. */
    synchronized AwsCredentialsProvider forAttribution(Attribution attribution) {
        return attributed.computeIfAbsent(attribution, a -> provider(attributedRequest(a)));
    }

    /** The AssumeRole call made for a request: visible for tests of what CloudTrail will record. */
    AssumeRoleRequest attributedRequest(Attribution attribution) {
        AssumeRoleRequest.Builder request = base("steward-" + attribution.requestId())
                .sourceIdentity(identity(attribution.requester()));
        if (config.tagSessions()) {
            List<Tag> tags = new ArrayList<>();
            tags.add(tag("steward-request-id", attribution.requestId().toString()));
            tags.add(tag("steward-requester", attribution.requester()));
            if (!attribution.approvers().isEmpty()) {
                tags.add(tag("steward-approvers", String.join(" ", attribution.approvers())));
            }
            request.tags(tags);
        }
        return request.build();
    }

    private AssumeRoleRequest.Builder base(String sessionName) {
        AssumeRoleRequest.Builder request = AssumeRoleRequest.builder()
                .roleArn(roleArn)
                .roleSessionName(sessionName)
                .durationSeconds((int) config.sessionDuration().toSeconds());
        externalId.ifPresent(request::externalId);
        return request;
    }

    private StsAssumeRoleCredentialsProvider provider(AssumeRoleRequest request) {
        return StsAssumeRoleCredentialsProvider.builder().stsClient(sts).refreshRequest(request).build();
    }

    /** SourceIdentity allows {@code [\w+=,.@-]{2,64}}; other characters become '-'. */
    static String identity(String name) {
        String cleaned = NOT_IN_IDENTITY.matcher(name).replaceAll("-");
        cleaned = cleaned.length() > IDENTITY_MAX ? cleaned.substring(0, IDENTITY_MAX) : cleaned;
        StringBuilder padded = new StringBuilder(cleaned);
        while (padded.length() < 2) {
            padded.append('-');
        }
        return padded.toString();
    }

    private static Tag tag(String key, String value) {
        String cleaned = NOT_IN_TAG_VALUE.matcher(value).replaceAll("-");
        return Tag.builder().key(key)
                .value(cleaned.length() > TAG_VALUE_MAX ? cleaned.substring(0, TAG_VALUE_MAX) : cleaned)
                .build();
    }

    @Override
    public synchronized void close() {
        service.close();
        attributed.values().forEach(StsAssumeRoleCredentialsProvider::close);
        attributed.clear();
    }
}
