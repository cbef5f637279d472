package dev.iamsteward.webhook.inbound;

import dev.iamsteward.common.Caller;
import dev.iamsteward.common.ErrorKind;
import dev.iamsteward.common.Roles;
import dev.iamsteward.common.StewardException;
import dev.iamsteward.request.AccessRequest;
import dev.iamsteward.request.RequestService;
import dev.iamsteward.request.RequestType;
import dev.iamsteward.request.Requests;
import dev.iamsteward.request.SubmitRequest;
import dev.iamsteward.request.TicketLink;
import dev.iamsteward.webhook.WebhookConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** Files the request a ticket carries, as its mapped reporter, under the same checks as the API's. */
@ApplicationScoped
class TicketRequests {

    private static final int REASON_MAX = 1000;

    private final RequestService requests;
    private final Validator validator;

    TicketRequests(RequestService requests, Validator validator) {
        this.requests = requests;
        this.validator = validator;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    AccessRequest file(String sourceId, WebhookConfig.Source source, TicketEvent event) {
        String reporter = event.reporter() != null ? event.reporter() : event.actor();
        WebhookConfig.Person person = reporter == null ? null : source.people().get(reporter);
        if (person == null) {
            throw new StewardException(ErrorKind.FORBIDDEN, "the reporter of " + event.key()
                    + " is not a person IAM Steward knows; no request was filed");
        }
        Caller requester = new Caller(person.subject(), person.groups().orElse(Set.of()), null);
        if (!requester.has(Roles.REQUESTER) && !requester.has(Roles.ADMIN)) {
            throw new StewardException(ErrorKind.FORBIDDEN, "'" + person.subject() + "' may not submit requests");
        }
        SubmitRequest submission = submission(source.fields(), event);
        Set<ConstraintViolation<SubmitRequest>> violations = validator.validate(submission);
        if (!violations.isEmpty()) {
            throw StewardException.invalid(violations.stream().map(ConstraintViolation::getMessage).sorted()
                    .collect(Collectors.joining("; ")));
        }
        String status = event.status();
        requests.submit(submission, requester, new TicketLink(sourceId, event.key(), status,
                status != null && source.approvedStatuses().contains(status), source.ticketGated()));
        return Requests.fromTicket(sourceId, event.key()).orElseThrow();
    }

    private static SubmitRequest submission(WebhookConfig.Fields fields, TicketEvent event) {
        String type = event.field(fields.requestType());
        RequestType requestType;
        try {
            requestType = type == null ? null : RequestType.valueOf(type);
        } catch (IllegalArgumentException e) {
            throw StewardException.invalid("the ticket's request type '" + (type.length() > 100
                    ? type.substring(0, 100) + "…" : type) + "' is none of " + Arrays.toString(RequestType.values()));
        }
        String summary = event.field(fields.reason());
        String reason = event.key() + ": " + (summary == null ? "filed from the ticket" : summary);
        return new SubmitRequest(event.field(fields.account()), requestType, event.field(fields.userName()),
                null, null, null, null, event.field(fields.profile()), null,
                reason.length() > REASON_MAX ? reason.substring(0, REASON_MAX) : reason);
    }
}
