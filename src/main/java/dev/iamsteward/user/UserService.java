package dev.iamsteward.user;

import dev.iamsteward.account.TargetAccount;
import dev.iamsteward.account.TargetAccounts;
import dev.iamsteward.common.Caller;
import dev.iamsteward.common.Cursor;
import dev.iamsteward.common.LogContext;
import dev.iamsteward.common.Page;
import dev.iamsteward.common.StewardException;
import dev.iamsteward.iam.AccessKey;
import dev.iamsteward.iam.IamDirectory;
import dev.iamsteward.iam.IamException;
import dev.iamsteward.iam.IamNames;
import dev.iamsteward.iam.IamPage;
import dev.iamsteward.iam.IamUser;
import dev.iamsteward.request.RequestAccess;
import dev.iamsteward.request.Requests;
import dev.iamsteward.rotation.RotationService;
import dev.iamsteward.rotation.RotationView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The inventory of the users under the managed path, read from IAM. */
@ApplicationScoped
public class UserService {

    private final TargetAccounts accounts;
    private final RotationService rotations;

    UserService(TargetAccounts accounts, RotationService rotations) {
        this.accounts = accounts;
        this.rotations = rotations;
    }

    /**
     * One ListUsers page of the account ({@code account} null: the only one) and nothing more, so that listing
     * stays one IAM call whatever the page size.
     */
    public Page<UserSummary> list(String account, String cursor, int limit, UriInfo uri) {
        TargetAccount target = in(account);
        IamPage<IamUser> page;
        try {
            page = target.directory().listUsers(target.managedPath(), cursor, limit);
        } catch (IamException.InvalidInput e) {
            throw Cursor.invalid();
        }
        return Page.of(page.items().stream().map(UserSummary::of).toList(), page.marker().orElse(null), uri);
    }

    /** The user as IAM reports it now; one call per kind of dependent, plus one per access key. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public UserView get(String account, String userName, Caller caller) {
        TargetAccount target = in(account);
        if (!IamNames.isUserName(userName)) {
            throw StewardException.invalid("userName must be 1 to 64 letters, digits or any of + = , . @ _ -");
        }
        IamDirectory iam = target.directory();
        IamUser user = iam.findUser(userName)
                .filter(u -> u.path().startsWith(target.managedPath()))
                .orElseThrow(() -> notFound(userName));
        String name = user.userName();
        try {
            var permissions = new UserView.Permissions(iam.listGroupsForUser(name),
                    iam.listAttachedUserPolicies(name), iam.listUserPolicies(name));
            return UserView.of(target.id(), user, permissions, accessKeys(iam, name), iam.findLoginProfile(name),
                    iam.listMfaDevices(name), requests(target.id(), name, caller));
        } catch (IamException.NoSuchEntity e) {
            // Deleted (offboarded, say) between GetUser and the calls after it.
            throw notFound(userName);
        }
    }

    /** The account named, or the only one; its AWS account id goes into the log context. */
    private TargetAccount in(String account) {
        TargetAccount target = accounts.resolve(account);
        LogContext.putAccount(target.accountId());
        return target;
    }

    private List<UserView.AccessKeyView> accessKeys(IamDirectory iam, String userName) {
        List<UserView.AccessKeyView> keys = new ArrayList<>();
        List<AccessKey> listed = iam.listAccessKeys(userName);
        Map<String, RotationView> rotating = rotations.replacing(listed.stream().map(AccessKey::accessKeyId).toList());
        for (AccessKey key : listed) {
            try {
                keys.add(UserView.AccessKeyView.of(key, iam.accessKeyLastUsed(key.accessKeyId()),
                        rotating.get(key.accessKeyId())));
            } catch (IamException.NoSuchEntity e) {
                // Deleted since the listing: IAM no longer has it, so neither does the view.
            }
        }
        return keys;
    }

    /** The requests about the user that the caller may see, by the same rule as the request listing. */
    private static List<UserView.RequestRef> requests(String account, String userName, Caller caller) {
        return Requests.aboutUser(account, userName).stream()
                .filter(r -> RequestAccess.canSee(r, caller))
                .map(UserView.RequestRef::of).toList();
    }

    private static StewardException notFound(String userName) {
        return StewardException.notFound("Managed user", userName);
    }
}
