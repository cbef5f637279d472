package dev.iamsteward.iam.memory;

import dev.iamsteward.iam.IamException;
import dev.iamsteward.iam.PolicySimulator;
import dev.iamsteward.iam.Simulation;
import dev.iamsteward.iam.SimulationQuery;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * SimulatePrincipalPolicy over the in-memory IAM's one role, the broker, with IAM's evaluation: an explicit
 * Deny wins, then any Allow, else an implicit deny. Its policy is the deployed one unless a test changes it;
 * faults on "SimulatePrincipalPolicy" play an account that refuses the simulation.
 */
@Singleton
@Typed(InMemoryPolicySimulator.class)
public class InMemoryPolicySimulator implements PolicySimulator {

    /** The broker role of the sandbox of account {@link InMemoryIamDirectory#ACCOUNT_ID}. */
    public static final String BROKER_ROLE_ARN = "arn:aws:iam::" + InMemoryIamDirectory.ACCOUNT_ID
            + ":role/iam-steward-broker";

    private final InMemoryIamDirectory directory;
    private List<SimulatedStatement> brokerPolicy = List.of();

    @Inject
    public InMemoryPolicySimulator(InMemoryIamDirectory directory) {
        this.directory = directory;
    }

    /** The broker role of the account the sandbox simulates. */
    @Override
    public String brokerRoleArn() {
        return "arn:aws:iam::" + directory.accountId() + ":role/iam-steward-broker";
    }

    @Override
    public Simulation simulate(String policySourceArn, SimulationQuery query) {
        synchronized (directory) {
            try {
                directory.enterAccountCall("SimulatePrincipalPolicy");
            } catch (IamException.AccessDenied e) {
                return new Simulation.NotPermitted(e.getMessage());
            }
            if (!brokerRoleArn().equals(policySourceArn)) {
                throw new IamException.NoSuchEntity("The role with ARN " + policySourceArn + " cannot be found.");
            }
            List<Simulation.Evaluation> evaluations = new ArrayList<>();
            for (String action : query.actions()) {
                for (String resource : query.resourceArns()) {
                    evaluations.add(new Simulation.Evaluation(action, resource,
                            decide(action, resource, query.context())));
                }
            }
            return new Simulation.Evaluated(evaluations);
        }
    }

    private Simulation.Decision decide(String action, String resource, Map<String, String> context) {
        boolean allowed = false;
        for (SimulatedStatement statement : brokerPolicy) {
            if (statement.applies(action, resource, context)) {
                if (!statement.allow()) {
                    return Simulation.Decision.EXPLICIT_DENY;
                }
                allowed = true;
            }
        }
        return allowed ? Simulation.Decision.ALLOWED : Simulation.Decision.IMPLICIT_DENY;
    }

    // ---- not IAM calls: the broker's policy as it was deployed, or as someone changed it

    public List<SimulatedStatement> brokerPolicy() {
        synchronized (directory) {
            return brokerPolicy;
        }
    }

    public void setBrokerPolicy(List<SimulatedStatement> policy) {
        synchronized (directory) {
            this.brokerPolicy = List.copyOf(policy);
        }
    }
}
