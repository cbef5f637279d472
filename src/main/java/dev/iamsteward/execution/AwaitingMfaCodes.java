package dev.iamsteward.execution;

/** Execution reached the step that needs the owner's two MFA codes; the job waits for them. */
class AwaitingMfaCodes extends RuntimeException {

    AwaitingMfaCodes(String serialNumber) {
        super("waiting for two codes from " + serialNumber, null, false, false);
    }
}
