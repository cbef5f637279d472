package dev.iamsteward.common;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemContext;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemPostProcessor;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Gives the problems that the framework raises (malformed JSON, validation, authentication, unknown routes)
 * the same stable {@code type} and title as the service's own, chosen by status.
 */
@ApplicationScoped
public class ProblemTypes implements ProblemPostProcessor {

    @Override
    public HttpProblem apply(HttpProblem problem, ProblemContext context) {
        if (problem.getType() != null) {
            return problem;
        }
        ErrorKind kind = ErrorKind.forStatus(problem.getStatusCode());
        HttpProblem.Builder typed = HttpProblem.builder(problem).withType(kind.type());
        if (problem.getStatusCode() >= ErrorKind.INTERNAL.status()) {
            typed.withTitle(kind.title()).withDetail(null);
        }
        return typed.build();
    }
}
