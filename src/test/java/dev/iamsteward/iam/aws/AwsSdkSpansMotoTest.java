package dev.iamsteward.iam.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamsteward.iam.NewAccessKey;
import dev.iamsteward.iam.NewUser;
import dev.iamsteward.support.MotoServer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each SDK call of the AWS adapter is a span, against moto over HTTP, and no span holds a new key's secret. */
class AwsSdkSpansMotoTest {

    @Test
    void theSdkCallsOfAKeysCreationAreSpansWithoutItsSecret() {
        InMemorySpanExporter spans = InMemorySpanExporter.create();
        MotoServer moto = MotoServer.get();
        moto.reset();
        try (SdkTracerProvider tracing = SdkTracerProvider.builder()
                .addSpanProcessor(SimpleSpanProcessor.create(spans)).build();
                AwsIamDirectory iam = new AwsIamDirectory(TestAwsConfig.pointingAt(moto.endpoint(), moto.endpoint()),
                        OpenTelemetrySdk.builder().setTracerProvider(tracing).build())) {
            iam.createUser(new NewUser("traced", "/steward/", MotoIam.BOUNDARY, Map.of()), MotoIam.request());
            NewAccessKey key = iam.createAccessKey("traced", MotoIam.request());

            List<SpanData> exported = spans.getFinishedSpanItems();
            List<String> names = exported.stream().map(SpanData::getName).toList();
            // The session's AssumeRole runs inside the IAM call it signs, and the instrumentation folds it in there.
            assertTrue(names.containsAll(List.of("Iam.CreateUser", "Iam.CreateAccessKey")), names.toString());
            SpanData create = exported.stream().filter(s -> s.getName().equals("Iam.CreateAccessKey")).findFirst()
                    .orElseThrow();
            assertEquals(SpanKind.CLIENT, create.getKind());
            assertEquals("CreateAccessKey", create.getAttributes().get(AttributeKey.stringKey("rpc.method")));
            String secret = key.secretAccessKey().reveal();
            assertFalse(exported.stream().anyMatch(s -> (s.getAttributes() + " " + s.getEvents() + " "
                    + s.getStatus()).contains(secret)), "a span holds the key's secret");
        }
    }
}
