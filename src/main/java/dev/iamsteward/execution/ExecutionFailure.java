package dev.iamsteward.execution;

/** Execution cannot succeed, whatever the number of attempts: the request fails with this reason. */
public class ExecutionFailure extends RuntimeException {

    public ExecutionFailure(String reason) {
        super(reason);
    }
}
