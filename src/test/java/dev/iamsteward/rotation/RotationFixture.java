package dev.iamsteward.rotation;

import dev.iamsteward.execution.JobWorker;
import dev.iamsteward.iam.Attribution;
import dev.iamsteward.iam.memory.InMemoryIamAccount;
import dev.iamsteward.iam.memory.InMemoryIamDirectory;
import dev.iamsteward.support.Flows;
import dev.iamsteward.support.TestClock;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;

/** What the rotation tests share: the sweep, the in-memory IAM, the job worker and the test clock. */
abstract class RotationFixture {

    /** Someone outside the service, making keys the way a tool's owner would. */
    static final Attribution OUTSIDE = new Attribution(UUID.randomUUID(), "tool-owner", List.of());

    @Inject
    RotationSweep sweep;

    @Inject
    InMemoryIamDirectory iam;

    @Inject
    InMemoryIamAccount account;

    @Inject
    JobWorker worker;

    @Inject
    TestClock clock;

    /** Jobs other test classes left due would otherwise be claimed first. */
    @BeforeEach
    void drain() {
        Flows.drain(worker);
    }
}
