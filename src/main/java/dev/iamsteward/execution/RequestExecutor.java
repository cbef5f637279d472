package dev.iamsteward.execution;

import dev.iamsteward.iam.Attribution;
import dev.iamsteward.iam.IamDirectory;
import dev.iamsteward.iam.IamException;
import dev.iamsteward.iam.IamUser;
import dev.iamsteward.iam.NewUser;
import dev.iamsteward.request.PlannedCall;
import dev.iamsteward.request.RequestPlanner;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Carries out a request's approved plan against IAM. It looks at IAM before acting, so running the same
 * order twice (after a crash, or a lost lease) finds its own earlier work instead of doing it again.
 */
@ApplicationScoped
public class RequestExecutor {

    private static final String TAGS = "Tags.";

    private final IamDirectory iam;

    RequestExecutor(IamDirectory iam) {
        this.iam = iam;
    }

    /** Executes the order and returns the ARN of the user it concerns. */
    public String execute(ExecutionOrder order) {
        return switch (order.type()) {
            case CREATE_USER -> createUser(single(order, "iam:CreateUser"), order.attribution());
        };
    }

    private String createUser(PlannedCall call, Attribution attribution) {
        NewUser user = newUser(call.parameters());
        Optional<String> done = alreadyCreated(user.userName(), attribution);
        if (done.isPresent()) {
            return done.get();
        }
        try {
            return iam.createUser(user, attribution).arn();
        } catch (IamException.EntityAlreadyExists e) {
            return alreadyCreated(user.userName(), attribution).orElseThrow(() -> new ExecutionFailure(
                    "IAM already has a user named '" + user.userName() + "' that this request did not create"));
        }
    }

    /** The ARN of the user if this very request created it; a failure if someone else's user has the name. */
    private Optional<String> alreadyCreated(String userName, Attribution attribution) {
        Optional<IamUser> existing = iam.findUser(userName);
        if (existing.isEmpty()) {
            return Optional.empty();
        }
        String creator = existing.get().tags().get(RequestPlanner.REQUEST_TAG);
        if (!attribution.requestId().toString().equals(creator)) {
            throw new ExecutionFailure("IAM already has a user named '" + userName
                    + "' that this request did not create");
        }
        return Optional.of(existing.get().arn());
    }

    private static NewUser newUser(Map<String, String> parameters) {
        Map<String, String> tags = new LinkedHashMap<>();
        parameters.forEach((key, value) -> {
            if (key.startsWith(TAGS)) {
                tags.put(key.substring(TAGS.length()), value);
            }
        });
        return new NewUser(parameters.get("UserName"), parameters.get("Path"), parameters.get("PermissionsBoundary"),
                tags);
    }

    private static PlannedCall single(ExecutionOrder order, String action) {
        if (order.plan().size() != 1 || !order.plan().get(0).action().equals(action)) {
            throw new ExecutionFailure("The plan of a " + order.type() + " request must be one " + action);
        }
        return order.plan().get(0);
    }
}
