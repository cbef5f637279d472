package dev.iamsteward.iam.aws;

import dev.iamsteward.iam.KeyProofConfig;
import java.time.Duration;

/** Bounds of a key proof, as the settings under steward.key-proof give them, for tests that need small ones. */
record ProofBounds(int attempts, Duration firstDelay, Duration maxDelay, Duration budget) implements KeyProofConfig {
}
