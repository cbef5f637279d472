package dev.iamsteward.account;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.iamsteward.iam.IamException;
import dev.iamsteward.iam.memory.InMemoryIamDirectory;
import dev.iamsteward.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Readiness asks the target account's IAM at most once per cache TTL; IAM's failure is not the pod's. */
@QuarkusTest
class IamHealthTest {

    private static final String IAM_CHECK = "checks.find { it.name == 'iam' }";

    @Inject
    InMemoryIamDirectory iam;

    @Inject
    HealthConfig config;

    @Inject
    TestClock clock;

    @BeforeEach
    void expireTheLastAnswer() {
        clock.advance(config.cacheTtl());
    }

    @AfterEach
    void noFaultsLeft() {
        iam.faults().clear();
        clock.advance(config.cacheTtl());
    }

    @Test
    void twoReadinessCallsWithinTheTtlAskIamOnce() {
        long before = summaries();

        ready().statusCode(200).body(IAM_CHECK + ".status", equalTo("UP"))
                .body(IAM_CHECK + ".data.reachable", equalTo(true));
        ready().statusCode(200);

        assertEquals(1, summaries() - before, "IAM calls for two probes within the TTL");
        clock.advance(config.cacheTtl());
        ready().statusCode(200);
        assertEquals(2, summaries() - before, "after the TTL the next probe asks again");
    }

    @Test
    void unreachableIamMakesReadinessDownButNotLiveness() {
        long before = summaries();
        iam.faults().failNext("GetAccountSummary", 1, () -> new IamException.AccessDenied(
                "User: arn:aws:sts::000000000000:assumed-role/broker/iam-steward is not authorized"));

        ready().statusCode(503).body(IAM_CHECK + ".status", equalTo("DOWN"))
                .body(IAM_CHECK + ".data.reachable", equalTo(false))
                .body(IAM_CHECK + ".data.error", equalTo("IAM AccessDenied"));
        RestAssured.get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        ready().statusCode(503);
        assertEquals(1, summaries() - before, "the failed call was the only one, its answer cached since");
    }

    @Test
    void aStalledIamMakesReadinessDownWithinTheProbeTimeout() throws Exception {
        long before = summaries();
        CountDownLatch release = new CountDownLatch(1);
        long bound = config.probeTimeout().plusSeconds(2).toMillis();
        // IAM stalls for longer than both probes together may take, then answers.
        long stall = 2 * bound + 2000;
        iam.faults().pauseNext("GetAccountSummary", () -> {
            try {
                release.await(stall, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            ready().time(lessThan(bound), TimeUnit.MILLISECONDS).statusCode(503)
                    .body(IAM_CHECK + ".status", equalTo("DOWN"))
                    .body(IAM_CHECK + ".data.error", equalTo("IAM did not answer within "
                            + config.probeTimeout().toSeconds() + "s"));
            ready().time(lessThan(bound), TimeUnit.MILLISECONDS).statusCode(503);
            assertEquals(1, summaries() - before, "one question stays open, however many probes come");
        } finally {
            release.countDown();
        }
    }

    private long summaries() {
        return iam.calls().stream().filter(c -> c.operation().equals("GetAccountSummary")).count();
    }

    private static io.restassured.response.ValidatableResponse ready() {
        return RestAssured.get("/q/health/ready").then();
    }
}
