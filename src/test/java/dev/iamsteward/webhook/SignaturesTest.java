package dev.iamsteward.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamsteward.common.Secret;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The signature schemes against the vectors their documentation publishes, and what must not verify. */
class SignaturesTest {

    // The example of the Standard Webhooks specification (and of its reference libraries' tests).
    private static final Secret SPEC_SECRET = Secret.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    private static final String SPEC_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long SPEC_TIMESTAMP = 1614265330L;
    private static final byte[] SPEC_BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    private static final String SPEC_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    // GitHub's documented example for the sha256= format ("Validating webhook deliveries").
    private static final Secret GITHUB_SECRET = Secret.of("It's a Secret to Everybody");
    private static final byte[] GITHUB_BODY = "Hello, World!".getBytes(StandardCharsets.UTF_8);
    private static final String GITHUB_SIGNATURE =
            "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

    @Test
    void standardWebhooksSignsAndVerifiesTheSpecificationsExample() {
        assertEquals(SPEC_SIGNATURE, Signatures.standard(SPEC_SECRET, SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY));
        assertTrue(Signatures.standardMatches(List.of(SPEC_SECRET), SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY,
                SPEC_SIGNATURE));
    }

    @Test
    void hubSignatureMatchesGitHubsExample() {
        assertEquals(GITHUB_SIGNATURE, Signatures.hub(GITHUB_SECRET, GITHUB_BODY));
        assertTrue(Signatures.hubMatches(List.of(GITHUB_SECRET), GITHUB_BODY, GITHUB_SIGNATURE));
    }

    @Test
    void aTamperedBodyIdOrTimestampDoesNotVerify() {
        byte[] tampered = "{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8);
        List<Secret> secrets = List.of(SPEC_SECRET);
        assertFalse(Signatures.standardMatches(secrets, SPEC_ID, SPEC_TIMESTAMP, tampered, SPEC_SIGNATURE));
        assertFalse(Signatures.standardMatches(secrets, "msg_other", SPEC_TIMESTAMP, SPEC_BODY, SPEC_SIGNATURE));
        assertFalse(Signatures.standardMatches(secrets, SPEC_ID, SPEC_TIMESTAMP + 1, SPEC_BODY, SPEC_SIGNATURE));
        assertFalse(Signatures.hubMatches(List.of(GITHUB_SECRET), "Hello, World?".getBytes(StandardCharsets.UTF_8),
                GITHUB_SIGNATURE));
    }

    @Test
    void aWrongSecretOrAMalformedHeaderDoesNotVerify() {
        Secret other = Secret.of("whsec_iwglbDfyFldCjzl16a1IR226HGp7sKAi");
        assertFalse(Signatures.standardMatches(List.of(other), SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY, SPEC_SIGNATURE));
        assertFalse(Signatures.hubMatches(List.of(Secret.of("another secret")), GITHUB_BODY, GITHUB_SIGNATURE));
        assertFalse(Signatures.hubMatches(List.of(GITHUB_SECRET), GITHUB_BODY, GITHUB_SIGNATURE.substring(7)));
        assertFalse(Signatures.hubMatches(List.of(GITHUB_SECRET), GITHUB_BODY, "sha256=not-hex"));
        assertFalse(Signatures.standardMatches(List.of(SPEC_SECRET), SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY, "v1,%%%"));
        assertFalse(Signatures.standardMatches(List.of(SPEC_SECRET), SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY,
                "v2," + SPEC_SIGNATURE.substring(3)));
    }

    @Test
    void whileRotatingEitherSecretAndAnyListedSignatureVerifies() {
        Secret next = Secret.of("whsec_iwglbDfyFldCjzl16a1IR226HGp7sKAi");
        List<Secret> both = List.of(next, SPEC_SECRET);
        assertTrue(Signatures.standardMatches(both, SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY, SPEC_SIGNATURE));
        String two = Signatures.standard(next, SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY) + " " + SPEC_SIGNATURE;
        assertTrue(Signatures.standardMatches(List.of(SPEC_SECRET), SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY, two));
        assertTrue(Signatures.hubMatches(List.of(Secret.of("old"), GITHUB_SECRET), GITHUB_BODY, GITHUB_SIGNATURE));
    }

    @Test
    void tokensMatchExactly() {
        List<Secret> tokens = List.of(Secret.of("token-one"), Secret.of("token-two"));
        assertTrue(Signatures.tokenMatches(tokens, "token-two"));
        assertFalse(Signatures.tokenMatches(tokens, "token-tw"));
        assertFalse(Signatures.tokenMatches(tokens, "token-two "));
    }
}
