package dev.iamsteward.iam.aws;

import static dev.iamsteward.iam.aws.MotoIam.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.iamsteward.common.Secret;
import dev.iamsteward.iam.CallerIdentity;
import dev.iamsteward.iam.KeyProver;
import dev.iamsteward.iam.NewAccessKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * GetCallerIdentity signed with a key, through the AWS adapter against moto over HTTP. moto answers with the key's
 * user for a key it made; for a key it does not know (never made, or deleted) it answers with its own default
 * identity rather than refusing, so the proof's identity check is what refuses such a key there. moto does not
 * check secrets or key status, so refusals are the scripted server's and the in-memory IAM's to test.
 */
class AwsKeyCheckMotoTest {

    private static final String USER_ARN = "arn:aws:iam::" + MotoIam.ACCOUNT + ":user/steward/ann";
    /** What moto answered for an access key id it does not hold, as observed with moto_server. */
    private static final String MOTO_DEFAULT_ARN = "arn:aws:sts::" + MotoIam.ACCOUNT + ":user/moto";

    private MotoIam moto;
    private final List<Duration> waits = new ArrayList<>();

    @BeforeEach
    void freshMoto() {
        moto = MotoIam.fresh();
    }

    @AfterEach
    void close() {
        moto.close();
    }

    @Test
    void aKeyMotoMadeIsItsUser() {
        String ann = moto.user("ann");
        NewAccessKey key = moto.directory().createAccessKey(ann, request());

        CallerIdentity identity = moto.directory().callerIdentity(key.key().accessKeyId(), key.secretAccessKey());

        assertEquals(USER_ARN, identity.arn());
        assertEquals(MotoIam.ACCOUNT, identity.account());
        KeyProver.Proven proven = assertInstanceOf(KeyProver.Proven.class, prover().prove(moto.directory(),
                key.key().accessKeyId(), key.secretAccessKey(), new KeyProver.Owner(ann, USER_ARN, MotoIam.ACCOUNT)));
        assertEquals(1, proven.checks());
        assertEquals(List.of(), waits);
    }

    @Test
    void theUserIsRecognisedByNameWhenItsArnIsNotKnownYet() {
        String ann = moto.user("ann");
        NewAccessKey key = moto.directory().createAccessKey(ann, request());

        assertInstanceOf(KeyProver.Proven.class, prover().prove(moto.directory(), key.key().accessKeyId(),
                key.secretAccessKey(), new KeyProver.Owner("ANN", null, MotoIam.ACCOUNT)));
    }

    @Test
    void aDeletedKeyIsAnsweredWithMotosDefaultIdentityWhichIsNoProof() {
        String ann = moto.user("ann");
        NewAccessKey key = moto.directory().createAccessKey(ann, request());
        moto.directory().deleteAccessKey(ann, key.key().accessKeyId(), request());

        CallerIdentity identity = moto.directory().callerIdentity(key.key().accessKeyId(), key.secretAccessKey());

        assertEquals(MOTO_DEFAULT_ARN, identity.arn());
        KeyProver.WrongIdentity wrong = assertInstanceOf(KeyProver.WrongIdentity.class, prover().prove(
                moto.directory(), key.key().accessKeyId(), key.secretAccessKey(),
                new KeyProver.Owner(ann, null, MotoIam.ACCOUNT)));
        assertEquals(MOTO_DEFAULT_ARN, wrong.arn());
    }

    @Test
    void aKeyMotoNeverMadeIsAnsweredWithMotosDefaultIdentity() {
        CallerIdentity identity = moto.directory().callerIdentity("AKIAI44QH8DHBEXAMPLE", Secret.of("x"));

        assertEquals(MOTO_DEFAULT_ARN, identity.arn());
    }

    private KeyProver prover() {
        return new KeyProver(new ProofBounds(3, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofSeconds(1)),
                waits::add);
    }
}
