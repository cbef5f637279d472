package dev.iamsteward.request;

import dev.iamsteward.iam.AccessKey;
import java.util.List;

/**
 * What the service already knows of a managed user when it files a request for it itself (a key rotation's step):
 * its ARN and path from the credential report, its owner from the service's own records, and its keys as just
 * listed. Planning then reads none of it from IAM again; the execution's plan check re-reads IAM before any step
 * runs, so an owner or a key that changed meanwhile still stops the request.
 */
public record KnownUser(String arn, String owner, List<AccessKey> keys) {

    public KnownUser {
        keys = List.copyOf(keys);
    }
}
