package dev.iamsteward.iam;

import java.util.Optional;

/**
 * The one outbound port to AWS IAM. Writes carry the attribution of the request they serve; every method
 * reports IAM's refusals as {@link IamException}s.
 */
public interface IamDirectory {

    /** Creates a user; fails with {@link IamException.EntityAlreadyExists} when the name is taken. */
    IamUser createUser(NewUser user, Attribution attribution);

    /** The user with this name (IAM compares names case-insensitively), if there is one. */
    Optional<IamUser> findUser(String userName);

    /** One page of the users whose path starts with {@code pathPrefix}, in IAM's order. */
    IamPage<IamUser> listUsers(String pathPrefix, String marker, int maxItems);

    /** What this backend is, for health and logs. */
    Backend backend();

    /** A short description of an adapter; {@code sandbox} means nothing reaches AWS. */
    record Backend(String name, boolean sandbox, String target) {
    }
}
