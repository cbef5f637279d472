package dev.iamsteward.tracing;

import static dev.iamsteward.support.Tokens.as;

import dev.iamsteward.support.Secrets;
import io.opentelemetry.sdk.trace.data.SpanData;

/** The secrets of a flow, fetched the way their owner does, and everything a span exports, as text to search. */
final class TracedSecrets {

    private TracedSecrets() {
    }

    /** The one-time secret of a request's delivery, as its owner olivia retrieves it. */
    static String fetch(String requestId) {
        String delivery = as("bob", "approver").get("/v1/requests/{id}", requestId).then().extract()
                .path("secrets[0].id");
        return Secrets.retrieve("olivia", delivery).statusCode(200).extract().path("secret");
    }

    /** Name, attributes, events, links and status of a span, all of what an exporter sends of it. */
    static String text(SpanData span) {
        StringBuilder text = new StringBuilder(span.getName()).append(' ').append(span.getAttributes())
                .append(' ').append(span.getStatus()).append(' ').append(span.getResource().getAttributes());
        span.getEvents().forEach(event -> text.append(' ').append(event.getName()).append(' ')
                .append(event.getAttributes()));
        span.getLinks().forEach(link -> text.append(' ').append(link.getAttributes()));
        return text.toString();
    }
}
