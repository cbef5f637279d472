package dev.iamsteward.iam.memory;

import dev.iamsteward.iam.AccessKey;
import dev.iamsteward.iam.AccessKeyUsage;
import dev.iamsteward.iam.IamException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One user's access keys, in creation order, with when each was last used. Guarded by the directory's lock. */
final class AccessKeys {

    static final int MAX_PER_USER = 2;
    /** What GetAccessKeyLastUsed reports for a key never used. */
    static final AccessKeyUsage NEVER_USED = new AccessKeyUsage(null, "N/A", "N/A");

    private final Map<String, AccessKey> keys = new LinkedHashMap<>();
    private final Map<String, AccessKeyUsage> usage = new LinkedHashMap<>();

    List<AccessKey> list() {
        return List.copyOf(keys.values());
    }

    boolean isEmpty() {
        return keys.isEmpty();
    }

    boolean holds(String accessKeyId) {
        return keys.containsKey(accessKeyId);
    }

    /** Inactive keys count too: the quota is on keys assigned to the user. */
    void add(AccessKey key) {
        if (keys.size() >= MAX_PER_USER) {
            throw new IamException.LimitExceeded("Cannot exceed quota for AccessKeysPerUser: " + MAX_PER_USER);
        }
        keys.put(key.accessKeyId(), key);
    }

    void update(String accessKeyId, AccessKey.Status status) {
        AccessKey key = require(accessKeyId);
        keys.put(accessKeyId, new AccessKey(accessKeyId, status, key.createDate()));
    }

    void delete(String accessKeyId) {
        require(accessKeyId);
        keys.remove(accessKeyId);
        usage.remove(accessKeyId);
    }

    AccessKeyUsage usage(String accessKeyId) {
        return usage.getOrDefault(accessKeyId, NEVER_USED);
    }

    void recordUse(String accessKeyId, AccessKeyUsage use) {
        if (require(accessKeyId).status() != AccessKey.Status.ACTIVE) {
            // AWS rejects requests signed with an inactive key, so such a use could never be recorded.
            throw new IllegalStateException("access key " + accessKeyId + " is inactive and cannot be used");
        }
        usage.put(accessKeyId, use);
    }

    private AccessKey require(String accessKeyId) {
        AccessKey key = keys.get(accessKeyId);
        if (key == null) {
            throw new IamException.NoSuchEntity("The Access Key with id " + accessKeyId + " cannot be found.");
        }
        return key;
    }
}
