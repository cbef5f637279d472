package dev.iamsteward.user;

import dev.iamsteward.common.Page;
import dev.iamsteward.common.StewardException;
import dev.iamsteward.iam.IamConfig;
import dev.iamsteward.iam.IamDirectory;
import dev.iamsteward.iam.IamException;
import dev.iamsteward.iam.IamNames;
import dev.iamsteward.iam.IamPage;
import dev.iamsteward.iam.IamUser;
import dev.iamsteward.request.AccessRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** The inventory of the users under the managed path, read from IAM. */
@ApplicationScoped
public class UserService {

    private final IamDirectory iam;
    private final IamConfig config;

    UserService(IamDirectory iam, IamConfig config) {
        this.iam = iam;
        this.config = config;
    }

    public Page<UserView> list(String cursor, int limit) {
        IamPage<IamUser> page;
        try {
            page = iam.listUsers(config.managedPath(), cursor, limit);
        } catch (IamException.InvalidInput e) {
            throw StewardException.invalid("cursor is not one this service handed out");
        }
        return new Page<>(page.items().stream().map(u -> UserView.of(u, List.of())).toList(),
                page.marker().orElse(null));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public UserView get(String userName) {
        if (!IamNames.isUserName(userName)) {
            throw StewardException.invalid("userName must be 1 to 64 letters, digits or any of + = , . @ _ -");
        }
        IamUser user = iam.findUser(userName)
                .filter(u -> u.path().startsWith(config.managedPath()))
                .orElseThrow(() -> StewardException.notFound("Managed user", userName));
        List<UUID> requests = AccessRequest.<AccessRequest>find("lower(userName) = ?1 order by createdAt",
                userName.toLowerCase(Locale.ROOT)).stream().map(r -> r.id).toList();
        return UserView.of(user, requests);
    }
}
