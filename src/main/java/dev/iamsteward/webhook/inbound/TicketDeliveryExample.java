package dev.iamsteward.webhook.inbound;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Documents, for the OpenAPI document only, what a ticketing system posts; the body is read as raw bytes. */
@Schema(name = "TicketDelivery", description = "A Jira webhook payload (jira and bearer sources) or the flat "
        + "ticket event of the README (standard and servicenow sources)", example = """
        {"webhookEvent": "jira:issue_updated", "user": {"accountId": "5b10ac8d82e05b22cc7d4ef5"},
         "issue": {"key": "OPS-42", "fields": {"project": {"key": "OPS"}, "issuetype": {"name": "Access"},
          "status": {"name": "Approved"}, "summary": "Console access for the new data analyst",
          "reporter": {"accountId": "5b10a2844c20165700ede21g"}, "customfield_10050": "data-analyst",
          "customfield_10051": {"value": "CREATE_USER"}}},
         "changelog": {"items": [{"field": "status", "fromString": "In Review", "toString": "Approved"}]}}""")
record TicketDeliveryExample(String webhookEvent) {
}
