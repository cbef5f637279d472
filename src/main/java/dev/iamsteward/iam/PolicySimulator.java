package dev.iamsteward.iam;

/**
 * IAM's policy simulator (SimulatePrincipalPolicy): what a principal's own policies decide for actions on
 * resources under given condition keys. It evaluates policies; it enforces nothing and changes nothing.
 */
public interface PolicySimulator {

    /** The broker role this backend acts through: the principal the startup self-check simulates. */
    String brokerRoleArn();

    /**
     * Every action of the query on every resource of it, as the identity policies of {@code policySourceArn}
     * decide under the query's context entries. IAM refusing the simulation itself (AccessDenied) is not an
     * error but {@link Simulation.NotPermitted}; other failures are {@link IamException}s.
     */
    Simulation simulate(String policySourceArn, SimulationQuery query);
}
