package dev.iamsteward.iam;

/**
 * How many replicas of the service are alive, this one included, so that each takes its share of an account's
 * IAM call rate. The port does not know where the count comes from; the service's wiring provides it.
 */
public interface LiveReplicas {

    /** The replicas alive now, at least 1. */
    int live();
}
