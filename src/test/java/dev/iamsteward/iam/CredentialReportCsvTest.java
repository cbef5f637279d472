package dev.iamsteward.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The credential report parser, on a report in AWS's documented format, and the renderer back through it. */
class CredentialReportCsvTest {

    private static final Instant GENERATED = Instant.parse("2026-03-01T12:00:00Z");
    /** AWS's columns and markers: not_supported on the root row, N/A, no_information for a password never used. */
    private static final String SAMPLE = String.join("\n",
            "user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,"
                    + "password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,"
                    + "access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,"
                    + "access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,"
                    + "access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,"
                    + "cert_1_last_rotated,cert_2_active,cert_2_last_rotated",
            "<root_account>,arn:aws:iam::123456789012:root,2019-05-01T09:00:00+00:00,not_supported,"
                    + "2026-02-27T08:15:00+00:00,not_supported,not_supported,false,true,2019-05-02T10:00:00+00:00,"
                    + "2026-02-20T11:00:00+00:00,us-east-1,s3,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A",
            "ann,arn:aws:iam::123456789012:user/iam-steward/data/ann,2025-01-10T08:00:00+00:00,true,"
                    + "no_information,2025-01-10T08:05:00+00:00,N/A,false,true,2025-01-10T08:10:00+00:00,N/A,N/A,"
                    + "N/A,false,2025-06-01T00:00:00+00:00,2025-07-01T00:00:00+00:00,eu-west-1,sts,true,"
                    + "2025-02-01T00:00:00+00:00,false,N/A",
            "bob,arn:aws:iam::123456789012:user/bob,2025-03-01T00:00:00+00:00,false,N/A,N/A,N/A,true,false,N/A,"
                    + "N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A");

    @Test
    void theRootRowIsTypedAndNotSupportedIsNoValue() {
        CredentialReport report = CredentialReportCsv.parse(SAMPLE, GENERATED);

        CredentialReport.Row root = report.root().orElseThrow();
        assertTrue(root.isRoot());
        assertNull(root.passwordEnabled(), "not_supported is neither true nor false");
        assertEquals(Instant.parse("2026-02-27T08:15:00Z"), root.passwordLastUsed());
        assertNull(root.passwordLastChanged());
        assertFalse(root.mfaActive());
        assertTrue(root.accessKey1().active());
        assertEquals(Instant.parse("2026-02-20T11:00:00Z"), root.accessKey1().lastUsedDate());
        assertEquals("s3", root.accessKey1().lastUsedService());
        assertEquals(1, root.keys().size());
        assertEquals("not_supported", root.fields().get("password_enabled"), "evidence keeps IAM's words");
        assertEquals(GENERATED, report.generatedAt());
    }

    @Test
    void userRowsReadNaAndNoInformationAsAbsentDates() {
        List<CredentialReport.Row> users = CredentialReportCsv.parse(SAMPLE, GENERATED).users();

        assertEquals(List.of("ann", "bob"), users.stream().map(CredentialReport.Row::user).toList());
        CredentialReport.Row ann = users.get(0);
        assertTrue(ann.consoleUser());
        assertNull(ann.passwordLastUsed(), "no_information");
        assertEquals("/iam-steward/data/", ann.path());
        assertEquals(2, ann.keys().size(), "an inactive second key is still a key");
        assertNull(ann.accessKey1().lastUsedDate());
        assertEquals(Instant.parse("2025-01-10T08:10:00Z"), ann.accessKey1().idleSince(), "never used: since made");
        assertFalse(ann.accessKey2().active());
        assertEquals("eu-west-1", ann.accessKey2().lastUsedRegion());
        assertTrue(ann.cert1().active());
        CredentialReport.Row bob = users.get(1);
        assertEquals("/", bob.path());
        assertFalse(bob.consoleUser());
        assertTrue(bob.mfaActive());
        assertEquals(List.of(), bob.keys());
    }

    @Test
    void whatIsRenderedParsesBackToTheSameRows() {
        CredentialReport parsed = CredentialReportCsv.parse(SAMPLE, GENERATED);

        String rendered = CredentialReportCsv.render(parsed.rows());
        CredentialReport again = CredentialReportCsv.parse(rendered, GENERATED);

        assertEquals(String.join(",", CredentialReportCsv.COLUMNS), rendered.lines().findFirst().orElseThrow());
        assertEquals(SAMPLE.lines().skip(1).toList(), rendered.lines().skip(1).toList(), "byte for byte as IAM");
        assertEquals(parsed.rows().size(), again.rows().size());
        assertEquals(parsed.users().get(0).accessKey2(), again.users().get(0).accessKey2());
    }

    @Test
    void aReportWithoutItsKeyColumnsIsRefused() {
        assertThrows(IamException.InvalidInput.class, () -> CredentialReportCsv.parse("name,when\nx,y", GENERATED));
        assertThrows(IamException.InvalidInput.class, () -> CredentialReportCsv.parse("", GENERATED));
    }
}
