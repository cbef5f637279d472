package dev.iamsteward.webhook;

import dev.iamsteward.common.Secret;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Ticketing systems that send signed webhooks ({@code sources}), and the subscribers IAM Steward notifies of
 * request changes ({@code subscribers}). Secrets are config secrets: give them as environment variables.
 */
@ConfigMapping(prefix = "steward.webhooks")
public interface WebhookConfig {

    /** How far a signed timestamp may be from the service's clock, either way, before a delivery is refused. */
    @WithDefault("5m")
    Duration tolerance();

    /**
     * How long a claimed delivery or notification stays with its worker unless the replica's heartbeat renews
     * it: how soon another replica takes over from one that crashed.
     */
    @WithDefault("15s")
    Duration lease();

    /** Attempts at processing a delivery, or sending a notification, before it is given up as FAILED. */
    @WithDefault("8")
    int maxAttempts();

    /** Backoff before the first retry; it doubles each attempt, with jitter. */
    @WithDefault("2s")
    Duration initialBackoff();

    /** The longest backoff between two attempts. */
    @WithDefault("5m")
    Duration maxBackoff();

    /** How long a subscriber (or Jira, for a comment) may take to answer one notification. */
    @WithDefault("10s")
    Duration sendTimeout();

    /** Deliveries or notifications one call of the inbox's or outbox's drain handles at most. */
    @WithDefault("20")
    int batchSize();

    /**
     * How long a processed delivery and a delivered notification are kept before the sweep deletes them. A
     * delivery's id is known as a duplicate only while its row is kept, so this must outlast every source's
     * retries (Jira retries for about 30 minutes); startup refuses less than an hour, or than {@code tolerance}.
     */
    @WithDefault("P30D")
    Duration retention();

    /** How often the sweep deletes what is older than {@code retention}. */
    @WithDefault("1h")
    Duration retentionSweep();

    /** The ticketing systems allowed to post to {@code POST /v1/webhooks/{sourceId}}, by source id. */
    Map<String, Source> sources();

    /** Who receives signed Standard Webhooks on request changes and urgent findings, by subscriber id. */
    Map<String, Subscriber> subscribers();

    /** How a source proves a delivery is its own. */
    enum Type {
        /** Standard Webhooks: webhook-id, webhook-timestamp and webhook-signature headers, whsec_ secrets. */
        STANDARD,
        /** Jira Cloud admin webhooks: X-Hub-Signature: sha256=hex over the body; X-Atlassian-Webhook-Identifier. */
        JIRA,
        /** ServiceNow, from the business rule in the README: Standard Webhooks headers. */
        SERVICENOW,
        /** A per-source token in Authorization: Bearer, for systems that cannot sign. */
        BEARER
    }

    /** The shape of a source's payloads. */
    enum Format {
        /** Jira's webhook payload: webhookEvent, issue, changelog, user. */
        JIRA,
        /** The flat ticket event of the README: event, ticket, status, previousStatus, actor, reporter, fields. */
        TICKET
    }

    /** One ticketing system. */
    interface Source {

        /** How its deliveries are authenticated. */
        Type type();

        /**
         * Its secrets (for BEARER, its tokens); any one of them is accepted, so that a new one can be added
         * before the old one is removed. STANDARD and SERVICENOW secrets are {@code whsec_} + Base64. Startup
         * refuses a source without any.
         */
        Optional<List<Secret>> secrets();

        /** Its secrets, none when they are not configured (which startup refuses). */
        default List<Secret> secretList() {
            return secrets().orElse(List.of());
        }

        /** The shape of its payloads; JIRA for JIRA and BEARER sources, TICKET for the others, when absent. */
        Optional<Format> format();

        /** The Jira projects (keys) whose tickets become requests; every project when absent. */
        Optional<Set<String>> projects();

        /** The issue types whose tickets become requests; every type when absent. */
        Optional<Set<String>> issueTypes();

        /** Which ticket fields carry the request. */
        Fields fields();

        /** The ticket statuses that mean approved: moving a ticket to one is an approval by who moved it. */
        @WithDefault("Approved")
        Set<String> approvedStatuses();

        /** The ticket statuses that mean rejected: moving a ticket to one is a rejection by who moved it. */
        @WithDefault("Rejected,Declined")
        Set<String> rejectedStatuses();

        /**
         * The people of the ticketing system (Jira accountId, or a ServiceNow user) as IAM Steward knows them:
         * the reporter of a ticket is its request's requester, and who moves it to an approved status approves.
         * Someone not listed can do neither.
         */
        Map<String, Person> people();

        /** Whether requests from this source execute only while their ticket is in an approved status. */
        @WithDefault("false")
        boolean ticketGated();

        /** Where to comment the outcome of a request back on its ticket (Jira only); no comments when absent. */
        Optional<CommentBack> commentBack();
    }

    /** The ticket fields (Jira field ids such as customfield_10050) that carry a request. */
    interface Fields {

        /** The IAM user name. */
        @WithDefault("userName")
        String userName();

        /** The request type, e.g. CREATE_USER. */
        @WithDefault("requestType")
        String requestType();

        /** The target account's id; may be left empty while the service acts on one account only. */
        @WithDefault("account")
        String account();

        /** The access profile, for group and policy requests. */
        @WithDefault("profile")
        String profile();

        /** The reason; the ticket's summary by default. */
        @WithDefault("summary")
        String reason();
    }

    /** A person of a ticketing system as IAM Steward knows them. */
    interface Person {

        /** Their IAM Steward subject (the token subject they have in the API). */
        String subject();

        /** Their groups, as the token's role claim would carry them (e.g. requester, approver). */
        Optional<Set<String>> groups();
    }

    /** Jira's REST API, for comments on tickets. */
    interface CommentBack {

        /** The site, e.g. https://example.atlassian.net. */
        URI baseUrl();

        /** The account's email for Jira Cloud basic authentication; a bearer token is sent when absent. */
        Optional<String> user();

        /** The API token (or personal access token). */
        Secret token();
    }

    /** One receiver of notifications. */
    interface Subscriber {

        /** Where notifications are posted. */
        URI url();

        /**
         * Its {@code whsec_} secrets; each notification carries one signature per secret, for rotation. Startup
         * refuses a subscriber without any.
         */
        Optional<List<Secret>> secrets();

        /** Its secrets, none when they are not configured (which startup refuses). */
        default List<Secret> secretList() {
            return secrets().orElse(List.of());
        }

        /** The event types it receives (e.g. request.approved); every type when absent. */
        Optional<Set<String>> events();
    }
}
