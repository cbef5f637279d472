package dev.iamsteward.execution;

import dev.iamsteward.iam.Attribution;
import dev.iamsteward.iam.IamDirectory;
import dev.iamsteward.iam.IamException;
import dev.iamsteward.iam.IamUser;
import dev.iamsteward.iam.NewUser;
import dev.iamsteward.request.PlanStep;
import dev.iamsteward.request.RequestPlanner;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** The CreateUser step: a user this very request created earlier is success; anyone else's is a failure. */
@ApplicationScoped
class UserCreation {

    /** Creates the user of the plan's step, or finds it created by this request; returns its ARN. */
    String create(IamDirectory iam, PlanStep.CreateUser step, Attribution attribution) {
        NewUser user = new NewUser(step.userName(), step.path(), step.permissionsBoundary(), step.tags());
        Optional<String> done = createdBy(iam, user.userName(), attribution);
        if (done.isPresent()) {
            return done.get();
        }
        try {
            return iam.createUser(user, attribution).arn();
        } catch (IamException.EntityAlreadyExists e) {
            return createdBy(iam, user.userName(), attribution).orElseThrow(() -> notOurs(user.userName()));
        }
    }

    /** The ARN of the user if this very request created it; a failure if someone else's user has the name. */
    private static Optional<String> createdBy(IamDirectory iam, String userName, Attribution attribution) {
        Optional<IamUser> existing = iam.findUser(userName);
        if (existing.isEmpty()) {
            return Optional.empty();
        }
        if (!attribution.requestId().toString().equals(existing.get().tags().get(RequestPlanner.REQUEST_TAG))) {
            throw notOurs(userName);
        }
        return Optional.of(existing.get().arn());
    }

    private static ExecutionFailure notOurs(String userName) {
        return new ExecutionFailure("IAM already has a user named '" + userName
                + "' that this request did not create");
    }
}
