package dev.iamsteward.iam.aws;

import static dev.iamsteward.iam.aws.MotoIam.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamsteward.common.Secret;
import dev.iamsteward.iam.IamException;
import dev.iamsteward.support.StallingProxy;
import io.opentelemetry.api.OpenTelemetry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Calls that make a secret or a device are attempted once, even when their answer does not come in time; reads are
 * retried by the SDK; and every call ends within its configured time. Against moto over HTTP, through a proxy that
 * holds answers back after moto has acted on the call.
 */
class AwsCreationAttemptsMotoTest {

    private static final Duration ATTEMPT = Duration.ofSeconds(2);
    private static final Duration CALL = Duration.ofSeconds(5);
    private static final Duration STALL = Duration.ofSeconds(4);

    private MotoIam moto;
    private StallingProxy proxy;
    private AwsIamDirectory proxied;

    @BeforeEach
    void start() {
        moto = MotoIam.fresh();
        proxy = StallingProxy.to(moto.server().endpoint());
        proxied = new AwsIamDirectory(TestAwsConfig.pointingAt(proxy.endpoint(), moto.server().endpoint(), Map.of(
                "steward.aws.call-attempt-timeout", ATTEMPT.toSeconds() + "s",
                "steward.aws.call-timeout", CALL.toSeconds() + "s")), OpenTelemetry.noop());
    }

    @AfterEach
    void stop() {
        proxied.close();
        proxy.close();
        moto.close();
    }

    @Test
    void aCreateAccessKeyWhoseAnswerIsLateIsAttemptedOnceAndMakesOneKey() {
        String user = moto.user("late-key");
        proxy.stallAnswers("CreateAccessKey", 3, STALL);

        assertThrows(IamException.Unavailable.class, () -> proxied.createAccessKey(user, request()));

        assertEquals(1, proxy.count("CreateAccessKey"), "the SDK must not call CreateAccessKey again");
        assertEquals(1, moto.setup().listAccessKeys(r -> r.userName(user)).accessKeyMetadata().size());
    }

    @Test
    void aCreateVirtualMfaDeviceWhoseAnswerIsLateIsAttemptedOnce() {
        proxy.stallAnswers("CreateVirtualMFADevice", 3, STALL);

        assertThrows(IamException.Unavailable.class,
                () -> proxied.createVirtualMfaDevice("late-device", "/", request()));

        assertEquals(1, proxy.count("CreateVirtualMFADevice"));
        assertEquals(1, moto.setup().listVirtualMFADevices().virtualMFADevices().size());
    }

    @Test
    void aCreateLoginProfileWhoseAnswerIsLateIsAttemptedOnce() {
        String user = moto.user("late-console");
        proxy.stallAnswers("CreateLoginProfile", 3, STALL);

        assertThrows(IamException.Unavailable.class, () -> proxied.createLoginProfile(user,
                Secret.of("Aa1!aaaaaaaaaaaaaaaa"), true, request()));

        assertEquals(1, proxy.count("CreateLoginProfile"));
        assertTrue(moto.directory().findLoginProfile(user).isPresent());
    }

    @Test
    void aReadIsRetriedButTheWholeCallEndsWithinItsTime() {
        String user = moto.user("late-read");
        proxy.stallAnswers("ListAccessKeys", 10, STALL);

        Instant start = Instant.now();
        assertThrows(IamException.Unavailable.class, () -> proxied.listAccessKeys(user));
        Duration took = Duration.between(start, Instant.now());

        assertTrue(proxy.count("ListAccessKeys") >= 2, "a read is retried: " + proxy.actions());
        assertTrue(took.compareTo(CALL.plusSeconds(2)) < 0, "the call took " + took);
    }
}
