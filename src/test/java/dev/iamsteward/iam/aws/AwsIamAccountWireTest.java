package dev.iamsteward.iam.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamsteward.account.RootCredentials;
import dev.iamsteward.iam.aws.CannedHttp.Answer;
import dev.iamsteward.support.MotoServer;
import io.opentelemetry.api.OpenTelemetry;
import org.junit.jupiter.api.Test;

/** What moto cannot play: an STS that says the service's base credentials are the root user's. */
class AwsIamAccountWireTest {

    private static final String ROOT = "arn:aws:iam::123456789012:root";

    @Test
    void rootBaseCredentialsAreRefused() {
        try (CannedHttp sts = CannedHttp.answering(call -> Answer.xml(callerIdentity(ROOT)));
                AwsIamDirectory iam = new AwsIamDirectory(TestAwsConfig.pointingAt(MotoServer.get().endpoint(),
                        sts.endpoint()), OpenTelemetry.noop())) {

            String caller = iam.account().callerArn();
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> RootCredentials.refuse(caller));

            assertEquals(ROOT, caller);
            assertEquals("GetCallerIdentity", sts.calls().get(0).get("Action"));
            assertTrue(refused.getMessage().contains(ROOT), refused.getMessage());
        }
    }

    private static String callerIdentity(String arn) {
        return "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                + "<GetCallerIdentityResult><Arn>" + arn + "</Arn><UserId>123456789012</UserId>"
                + "<Account>123456789012</Account></GetCallerIdentityResult>"
                + "<ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></GetCallerIdentityResponse>";
    }
}
