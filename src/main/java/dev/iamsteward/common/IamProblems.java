package dev.iamsteward.common;

import dev.iamsteward.iam.IamException;
import io.quarkus.logging.Log;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** IAM failures that reach the API while serving a call (not while executing a job). */
public class IamProblems {

    @ServerExceptionMapper
    public Response map(IamException e) {
        Log.warnf("IAM call failed while serving an API call: %s %s", e.code(), e.getMessage());
        ErrorKind kind = e.retryable() ? ErrorKind.IAM_UNAVAILABLE : ErrorKind.IAM_REFUSED;
        return new StewardException(kind, "IAM answered " + e.code() + "; try again later or ask an admin")
                .toResponse();
    }
}
