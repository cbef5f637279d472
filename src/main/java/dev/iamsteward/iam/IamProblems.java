package dev.iamsteward.iam;

import dev.iamsteward.common.ErrorKind;
import dev.iamsteward.common.Problem;
import io.quarkus.logging.Log;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * What an API caller sees when IAM fails a call made while serving them: a problem naming IAM's error code; IAM's
 * own message goes to the log only. Lives beside the port so that the shared error mapping in common
 * need not know IAM.
 */
public class IamProblems {

    @ServerExceptionMapper
    public Response iam(IamException e) {
        Log.warnf("IAM answered %s while serving an API call: %s", e.code(), e.getMessage());
        ErrorKind kind = e.retryable() ? ErrorKind.IAM_UNAVAILABLE : ErrorKind.IAM_REFUSED;
        return Problem.of(kind, "IAM answered " + e.code() + "; try again later or ask an admin").toResponse();
    }
}
