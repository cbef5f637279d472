package dev.iamsteward.idempotency;

import static dev.iamsteward.support.Tokens.as;
import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.iamsteward.request.AccessRequest;
import dev.iamsteward.support.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.UUID;

/** What the idempotency tests share: keys, request bodies, and a look at what the database holds. */
final class IdempotencyFixtures {

    static final String REQUESTS = "/v1/requests";

    private IdempotencyFixtures() {
    }

    static String newKey() {
        return "portal-" + UUID.randomUUID();
    }

    /** A CREATE_USER body as exact bytes, so that tests can fingerprint what is sent. */
    static String createUser(String userName) {
        return """
                {"type":"CREATE_USER","userName":"%s","reason":"Submitted by a portal that retries"}"""
                .formatted(userName);
    }

    /** Submits {@code body} as {@code caller} (a requester) with {@code key}; any status. */
    static ExtractableResponse<Response> submit(String caller, String key, String body) {
        return as(caller, "requester").contentType(ContentType.JSON).header(Idempotent.HEADER, key).body(body)
                .post(REQUESTS).then().extract();
    }

    /** The stored key, or null. */
    static IdempotencyRecord stored(String caller, String key) {
        return QuarkusTransaction.requiringNew().call(() -> {
            IdempotencyRecord record = IdempotencyRecord.findById(new IdempotencyRecord.Id(caller, key));
            if (record != null) {
                IdempotencyRecord.getEntityManager().detach(record);
            }
            return record;
        });
    }

    /** How many requests exist about {@code userName}. */
    static long requestsAbout(String userName) {
        return QuarkusTransaction.requiringNew().call(() -> AccessRequest.count("userName", userName));
    }

    /**
     * Submits over a plain socket and returns the status: HTTP clients replace control characters in header
     * values before sending them, and the server must be seen refusing them as they are.
     */
    static int submitRaw(String caller, String key, String body) {
        byte[] content = body.getBytes(UTF_8);
        String head = "POST " + REQUESTS + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Authorization: Bearer " + Tokens.token(caller, "requester") + "\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + content.length + "\r\n"
                + Idempotent.HEADER + ": " + key + "\r\n\r\n";
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), RestAssured.port)) {
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(ISO_8859_1));
            out.write(content);
            out.flush();
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(), ISO_8859_1))
                    .readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
