package dev.iamsteward.execution;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Two consecutive codes from the new MFA device, as its owner reads them off the authenticator. */
@Schema(name = "MfaCodes", example = """
        {"code1": "123456", "code2": "654321"}""")
public record MfaCodes(
        @NotNull(message = "code1 is required")
        @Pattern(regexp = "\\d{6}", message = "code1 must be 6 digits") String code1,
        @NotNull(message = "code2 is required")
        @Pattern(regexp = "\\d{6}", message = "code2 must be 6 digits") String code2) {

    @Override
    public String toString() {
        return "MfaCodes[redacted]";
    }
}
