package dev.iamsteward.iam;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The credential report's CSV, both ways: the AWS adapter parses what IAM sends, and the in-memory IAM renders
 * its state and parses it back, so both backends go through this one parser.
 */
public final class CredentialReportCsv {

    /** AWS's documented columns, in AWS's order. */
    public static final List<String> COLUMNS = List.of("user", "arn", "user_creation_time", "password_enabled",
            "password_last_used", "password_last_changed", "password_next_rotation", "mfa_active",
            "access_key_1_active", "access_key_1_last_rotated", "access_key_1_last_used_date",
            "access_key_1_last_used_region", "access_key_1_last_used_service", "access_key_2_active",
            "access_key_2_last_rotated", "access_key_2_last_used_date", "access_key_2_last_used_region",
            "access_key_2_last_used_service", "cert_1_active", "cert_1_last_rotated", "cert_2_active",
            "cert_2_last_rotated");
    static final String NOT_APPLICABLE = "N/A";
    static final String NO_INFORMATION = "no_information";
    static final String NOT_SUPPORTED = "not_supported";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    private CredentialReportCsv() {
    }

    /** Parses a report; columns are found by header name, and a column the report lacks reads as N/A. */
    public static CredentialReport parse(String csv, Instant generatedAt) {
        List<String> lines = csv.lines().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty()) {
            throw new IamException.InvalidInput("The credential report is empty");
        }
        List<String> header = split(lines.get(0));
        if (!header.contains("user") || !header.contains("arn")) {
            throw new IamException.InvalidInput("The credential report has no user or arn column");
        }
        List<CredentialReport.Row> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> values = split(line);
            Map<String, String> fields = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                fields.put(header.get(i), i < values.size() ? values.get(i) : NOT_APPLICABLE);
            }
            rows.add(row(fields));
        }
        return new CredentialReport(generatedAt, rows);
    }

    /** Renders rows as IAM writes them: N/A where there is nothing, no_information for a password never used. */
    public static String render(List<CredentialReport.Row> rows) {
        StringBuilder csv = new StringBuilder(String.join(",", COLUMNS)).append('\n');
        for (CredentialReport.Row row : rows) {
            csv.append(String.join(",", values(row).stream().map(CredentialReportCsv::quoted).toList()))
                    .append('\n');
        }
        return csv.toString();
    }

    private static CredentialReport.Row row(Map<String, String> f) {
        String password = f.getOrDefault("password_enabled", NOT_APPLICABLE);
        return new CredentialReport.Row(f.get("user"), f.get("arn"), time(f, "user_creation_time"),
                NOT_SUPPORTED.equals(password) ? null : flag(f, "password_enabled"), time(f, "password_last_used"),
                time(f, "password_last_changed"), time(f, "password_next_rotation"), flag(f, "mfa_active"),
                key(f, 1), key(f, 2), new CredentialReport.CertSlot(1, flag(f, "cert_1_active"),
                        time(f, "cert_1_last_rotated")),
                new CredentialReport.CertSlot(2, flag(f, "cert_2_active"), time(f, "cert_2_last_rotated")), f);
    }

    private static CredentialReport.KeySlot key(Map<String, String> f, int slot) {
        String prefix = "access_key_" + slot + "_";
        return new CredentialReport.KeySlot(slot, flag(f, prefix + "active"), time(f, prefix + "last_rotated"),
                time(f, prefix + "last_used_date"), text(f, prefix + "last_used_region"),
                text(f, prefix + "last_used_service"));
    }

    private static List<String> values(CredentialReport.Row row) {
        boolean root = row.isRoot();
        String unsupported = root ? NOT_SUPPORTED : NOT_APPLICABLE;
        List<String> values = new ArrayList<>(List.of(row.user(), row.arn(), time(row.userCreationTime(),
                NOT_APPLICABLE), root ? NOT_SUPPORTED : flag(row.passwordEnabled()),
                time(row.passwordLastUsed(), row.consoleUser() || root ? NO_INFORMATION : NOT_APPLICABLE),
                time(row.passwordLastChanged(), unsupported), time(row.passwordNextRotation(), unsupported),
                flag(row.mfaActive())));
        for (CredentialReport.KeySlot key : List.of(row.accessKey1(), row.accessKey2())) {
            values.addAll(List.of(flag(key.active()), time(key.lastRotated(), NOT_APPLICABLE),
                    time(key.lastUsedDate(), NOT_APPLICABLE), textOrNa(key.lastUsedRegion()),
                    textOrNa(key.lastUsedService())));
        }
        for (CredentialReport.CertSlot cert : List.of(row.cert1(), row.cert2())) {
            values.addAll(List.of(flag(cert.active()), time(cert.lastRotated(), NOT_APPLICABLE)));
        }
        return values;
    }

    private static boolean flag(Map<String, String> f, String column) {
        return "true".equals(f.getOrDefault(column, "false").toLowerCase(Locale.ROOT));
    }

    private static String flag(Boolean value) {
        return Boolean.TRUE.equals(value) ? "true" : "false";
    }

    /** A date, or null for N/A, no_information, not_supported and anything else that is not a date. */
    private static Instant time(Map<String, String> f, String column) {
        String value = f.getOrDefault(column, NOT_APPLICABLE);
        try {
            return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String time(Instant value, String absent) {
        return value == null ? absent
                : TIME.format(value.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
    }

    private static String text(Map<String, String> f, String column) {
        String value = f.getOrDefault(column, NOT_APPLICABLE);
        return NOT_APPLICABLE.equals(value) ? null : value;
    }

    private static String textOrNa(String value) {
        return value == null ? NOT_APPLICABLE : value;
    }

    private static String quoted(String value) {
        return value.contains(",") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    /** One CSV line, with RFC 4180 quoting. */
    private static List<String> split(String line) {
        List<String> values = new ArrayList<>();
        StringBuilder value = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                value.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                values.add(value.toString());
                value.setLength(0);
            } else {
                value.append(c);
            }
        }
        values.add(value.toString());
        return values;
    }
}
