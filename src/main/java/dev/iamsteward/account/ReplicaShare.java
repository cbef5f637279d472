package dev.iamsteward.account;

import dev.iamsteward.iam.LiveReplicas;
import dev.iamsteward.queue.Replicas;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Hands the IAM call limits the replica count the work queue's heartbeats keep. */
@Dependent
class ReplicaShare {

    @Produces
    @Singleton
    LiveReplicas liveReplicas(Replicas replicas) {
        return replicas::live;
    }
}
