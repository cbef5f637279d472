package dev.iamsteward.iam.aws;

import static dev.iamsteward.iam.aws.IamCalls.call;
import static dev.iamsteward.iam.aws.IamCalls.run;

import dev.iamsteward.common.Secret;
import dev.iamsteward.iam.AccessKey;
import dev.iamsteward.iam.AccessKeyUsage;
import dev.iamsteward.iam.Attribution;
import dev.iamsteward.iam.NewAccessKey;
import java.util.List;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKeyLastUsed;
import software.amazon.awssdk.services.iam.model.StatusType;

/** A user's access keys: listed, created (the one moment IAM shows the secret), switched on and off, deleted. */
final class AwsAccessKeys {

    private final IamCalls calls;
    private final IamClient iam;

    AwsAccessKeys(IamCalls calls) {
        this.calls = calls;
        this.iam = calls.client();
    }

    List<AccessKey> listAccessKeys(String userName) {
        return call(() -> iam.listAccessKeysPaginator(r -> r.userName(userName)
                        .overrideConfiguration(calls.asService()))
                .accessKeyMetadata().stream()
                .map(k -> new AccessKey(k.accessKeyId(), status(k.status()), k.createDate()))
                .toList());
    }

    NewAccessKey createAccessKey(String userName, Attribution attribution) {
        software.amazon.awssdk.services.iam.model.AccessKey created = call(() -> iam.createAccessKey(r -> r
                .userName(userName).overrideConfiguration(calls.creating(attribution))).accessKey());
        return new NewAccessKey(new AccessKey(created.accessKeyId(), status(created.status()), created.createDate()),
                Secret.of(created.secretAccessKey()));
    }

    void updateAccessKey(String userName, String accessKeyId, AccessKey.Status status, Attribution attribution) {
        StatusType wanted = status == AccessKey.Status.ACTIVE ? StatusType.ACTIVE : StatusType.INACTIVE;
        run(() -> iam.updateAccessKey(r -> r.userName(userName).accessKeyId(accessKeyId).status(wanted)
                .overrideConfiguration(calls.as(attribution))));
    }

    void deleteAccessKey(String userName, String accessKeyId, Attribution attribution) {
        run(() -> iam.deleteAccessKey(r -> r.userName(userName).accessKeyId(accessKeyId)
                .overrideConfiguration(calls.as(attribution))));
    }

    /** Service and region are as IAM reports them: "N/A" for a key never used. */
    AccessKeyUsage accessKeyLastUsed(String accessKeyId) {
        AccessKeyLastUsed used = call(() -> iam.getAccessKeyLastUsed(r -> r.accessKeyId(accessKeyId)
                .overrideConfiguration(calls.asService())).accessKeyLastUsed());
        return new AccessKeyUsage(used.lastUsedDate(), used.serviceName(), used.region());
    }

    private static AccessKey.Status status(StatusType status) {
        return status == StatusType.ACTIVE ? AccessKey.Status.ACTIVE : AccessKey.Status.INACTIVE;
    }
}
