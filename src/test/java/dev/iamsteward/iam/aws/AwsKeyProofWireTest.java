package dev.iamsteward.iam.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamsteward.common.Secret;
import dev.iamsteward.iam.IamException;
import dev.iamsteward.iam.KeyProofConfig;
import dev.iamsteward.iam.KeyProver;
import io.opentelemetry.api.OpenTelemetry;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The proof of a new key through the AWS adapter, against a scripted STS over HTTP: what STS answers decides the
 * outcome, each check is signed with the new key, and the waits between checks double up to their bounds.
 */
class AwsKeyProofWireTest {

    private static final String KEY_ID = "AKIAIOSFODNN7EXAMPLE";
    private static final Secret SECRET = Secret.of("proof-test-secret-0000000000000000000000");
    private static final String ARN = "arn:aws:iam::123456789012:user/steward/ann";
    private static final KeyProver.Owner ANN = new KeyProver.Owner("ann", ARN, "123456789012");

    private static final String IDENTITY = "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
            + "<GetCallerIdentityResult><Arn>" + ARN + "</Arn><UserId>AIDAPROOFTEST</UserId>"
            + "<Account>123456789012</Account></GetCallerIdentityResult>"
            + "<ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></GetCallerIdentityResponse>";

    private static CannedHttp.Answer refused(String code) {
        return new CannedHttp.Answer(403, "text/xml", "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                + "<Error><Type>Sender</Type><Code>" + code + "</Code><Message>refused</Message></Error>"
                + "<RequestId>r-2</RequestId></ErrorResponse>");
    }

    /** Five checks at most, waits of 100, 200, 400 ms (capped), 1 s in all. */
    private static final KeyProofConfig BOUNDS = new ProofBounds(5, Duration.ofMillis(100), Duration.ofMillis(400),
            Duration.ofSeconds(1));

    private final List<Duration> waits = new ArrayList<>();
    private final KeyProver prover = new KeyProver(BOUNDS, waits::add);

    @Test
    void twoRefusalsThenTheIdentityProveTheKeyOnTheThirdCheckAfterDoublingWaits() {
        AtomicInteger seen = new AtomicInteger();
        try (CannedHttp sts = CannedHttp.answering(p -> seen.incrementAndGet() <= 2 ? refused("InvalidClientTokenId")
                : CannedHttp.Answer.xml(IDENTITY)); AwsIamDirectory aws = adapter(sts.endpoint())) {

            KeyProver.Outcome outcome = prover.prove(aws, KEY_ID, SECRET, ANN);

            KeyProver.Proven proven = assertInstanceOf(KeyProver.Proven.class, outcome);
            assertEquals(3, proven.checks());
            assertEquals(ARN, proven.arn());
            assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(200)), waits);
            assertEquals(3, sts.calls().size(), "one HTTP call per check: the SDK does not retry the refusals");
            sts.calls().forEach(call -> assertEquals("GetCallerIdentity", call.get("Action")));
            sts.authorizations().forEach(auth -> assertTrue(auth.contains("Credential=" + KEY_ID + "/"),
                    "signed with the new key: " + auth));
            sts.authorizations().forEach(auth -> assertTrue(auth.contains("/us-east-1/sts/"),
                    "signed for the configured region's STS: " + auth));
        }
    }

    @Test
    void aKeyNeverAcceptedStopsAtTheBudgetWithTheLastRefusal() {
        try (CannedHttp sts = CannedHttp.answering(p -> refused("InvalidClientTokenId"));
                AwsIamDirectory aws = adapter(sts.endpoint())) {

            KeyProver.Outcome outcome = prover.prove(aws, KEY_ID, SECRET, ANN);

            KeyProver.NotYet notYet = assertInstanceOf(KeyProver.NotYet.class, outcome);
            // 100 + 200 + 400 = 700 ms waited; the next 400 ms would pass the 1 s budget, so 4 checks, not 5.
            assertEquals(4, notYet.checks());
            assertEquals(Duration.ofMillis(700), notYet.waited());
            assertEquals("InvalidClientTokenId", notYet.code());
            assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400)), waits);
            assertEquals(4, sts.calls().size());
        }
    }

    @Test
    void theAttemptsBoundStopsBeforeTheBudget() {
        KeyProofConfig fewChecks = new ProofBounds(2, Duration.ofMillis(100), Duration.ofMillis(400),
                Duration.ofMinutes(1));
        try (CannedHttp sts = CannedHttp.answering(p -> refused("SignatureDoesNotMatch"));
                AwsIamDirectory aws = adapter(sts.endpoint())) {

            KeyProver.NotYet notYet = assertInstanceOf(KeyProver.NotYet.class,
                    new KeyProver(fewChecks, waits::add).prove(aws, KEY_ID, SECRET, ANN));

            assertEquals(2, notYet.checks());
            assertEquals("SignatureDoesNotMatch", notYet.code());
            assertEquals(2, sts.calls().size());
        }
    }

    @Test
    void stsRefusalsOfTheKeyAreNotYetAuthenticatingAndOtherErrorsAreNot() {
        for (String code : List.of("InvalidClientTokenId", "SignatureDoesNotMatch", "AccessDenied")) {
            try (CannedHttp sts = CannedHttp.answering(p -> refused(code));
                    AwsIamDirectory aws = adapter(sts.endpoint())) {
                IamException.KeyNotAuthenticating e = assertThrows(IamException.KeyNotAuthenticating.class,
                        () -> aws.callerIdentity(KEY_ID, SECRET));
                assertEquals(code, e.code());
                assertTrue(e.retryable());
            }
        }
        try (CannedHttp sts = CannedHttp.answering(p -> new CannedHttp.Answer(400, "text/xml",
                "<ErrorResponse><Error><Type>Sender</Type><Code>ValidationError</Code><Message>bad</Message>"
                        + "</Error><RequestId>r-3</RequestId></ErrorResponse>"));
                AwsIamDirectory aws = adapter(sts.endpoint())) {
            assertThrows(IamException.InvalidInput.class, () -> aws.callerIdentity(KEY_ID, SECRET));
            assertEquals(1, sts.calls().size());
        }
    }

    @Test
    void anIdentityOfSomeoneElseIsNeverProof() {
        String other = IDENTITY.replace(ARN, "arn:aws:iam::123456789012:user/steward/bob");
        try (CannedHttp sts = CannedHttp.answering(p -> CannedHttp.Answer.xml(other));
                AwsIamDirectory aws = adapter(sts.endpoint())) {

            KeyProver.WrongIdentity wrong = assertInstanceOf(KeyProver.WrongIdentity.class,
                    prover.prove(aws, KEY_ID, SECRET, ANN));

            assertEquals("arn:aws:iam::123456789012:user/steward/bob", wrong.arn());
            assertEquals(1, wrong.checks());
            assertEquals(List.of(), waits);
        }
    }

    private static AwsIamDirectory adapter(URI sts) {
        return new AwsIamDirectory(TestAwsConfig.pointingAt(URI.create("http://127.0.0.1:9"), sts,
                Map.of("steward.aws.call-attempt-timeout", "2s", "steward.aws.call-timeout", "5s")),
                OpenTelemetry.noop());
    }
}
