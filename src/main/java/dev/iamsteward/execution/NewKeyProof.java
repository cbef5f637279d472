package dev.iamsteward.execution;

import dev.iamsteward.account.TargetAccounts;
import dev.iamsteward.credential.DeliveryService;
import dev.iamsteward.credential.KeyProofs;
import dev.iamsteward.iam.IamDirectory;
import dev.iamsteward.iam.IamException;
import dev.iamsteward.iam.KeyProofConfig;
import dev.iamsteward.iam.KeyProver;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Proves a new access key before its secret is handed out: a bounded run of GetCallerIdentity checks signed with
 * the key. A run that ends while AWS still refuses the key leaves the step to the job's retries, which prove again
 * later; on the job's last attempt, or when the key authenticates as someone else, the step fails for good.
 */
@ApplicationScoped
class NewKeyProof {

    private final KeyProver prover;
    private final KeyProofs proofs;
    private final TargetAccounts accounts;
    private final ExecutionConfig execution;

    NewKeyProof(KeyProofConfig config, KeyProofs proofs, TargetAccounts accounts, ExecutionConfig execution) {
        this.prover = KeyProver.sleeping(config);
        this.proofs = proofs;
        this.accounts = accounts;
        this.execution = execution;
    }

    /** Returns once the key is proven and its secret ready; otherwise throws what the job worker acts on. */
    void prove(IamDirectory iam, ExecutionOrder order, DeliveryService.Parcel key) {
        String keyId = key.label();
        String accountId = accounts.has(order.account()) ? accounts.get(order.account()).accountId() : null;
        KeyProver.Outcome outcome = prover.prove(iam, keyId, key.secret(),
                new KeyProver.Owner(order.userName(), order.userArn(), accountId));
        if (outcome instanceof KeyProver.Proven) {
            proofs.proven(key, outcome.checks());
            return;
        }
        if (outcome instanceof KeyProver.WrongIdentity wrong) {
            String why = "the new access key " + keyId + " authenticated as " + wrong.arn() + ", not as '"
                    + order.userName() + "'; its secret is not handed out";
            proofs.proofFailed(order.requestId(), key.step(), outcome.checks(), why);
            throw new ExecutionFailure(why);
        }
        KeyProver.NotYet notYet = (KeyProver.NotYet) outcome;
        String why = "the new access key " + keyId + " did not authenticate yet: STS answered " + notYet.code()
                + " to " + notYet.checks() + " GetCallerIdentity check(s) over " + notYet.waited();
        if (order.attempt() >= execution.maxAttempts()) {
            String given = why + "; given up on the request's last attempt. The key stays in IAM and its secret is "
                    + "never handed out";
            proofs.proofFailed(order.requestId(), key.step(), outcome.checks(), given);
            throw new ExecutionFailure(given);
        }
        proofs.proofPending(order.requestId(), key.step(), outcome.checks(), why);
        Log.infof("Request %s: %s; the step is tried again later", order.requestId(), why);
        throw new IamException.KeyNotAuthenticating(notYet.code(), why);
    }
}
