package dev.iamsteward.rotation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /v1/rotations/exemptions}; the admin who files it is the caller, never a field. */
@Schema(name = "ExemptionRequest", example = """
        {"userName": "ci-deployer", "owner": "carol", "reason": "The deploy tool cannot \
        take a new key before the freeze ends", "expiresAt": "2026-12-31T00:00:00Z"}""")
public record ExemptionRequest(
        @Schema(description = "The target account the user is in (the id of one of the service's configured "
                + "accounts, steward.accounts.<id>); may be left out when there "
                + "is only one. The exemption applies to keys in this account only")
        @Size(max = 64, message = "account must be at most 64 characters") String account,
        @NotNull(message = "userName is required")
        @Pattern(regexp = "[\\w+=,.@-]{1,64}",
                message = "userName must be 1 to 64 letters, digits or any of + = , . @ _ -") String userName,
        @Schema(description = "One key of the user; every key of the user when absent")
        @Pattern(regexp = "[A-Z0-9]{16,128}", message = "accessKeyId must be 16 to 128 upper-case letters or "
                + "digits") String accessKeyId,
        @NotBlank(message = "owner is required")
        @Size(max = 256, message = "owner must be at most 256 characters") String owner,
        @NotBlank(message = "reason is required")
        @Size(max = 1000, message = "reason must be at most 1000 characters") String reason,
        @Schema(description = "When the exemption stops applying; at most steward.rotation.exemption-max-length "
                + "ahead")
        @NotNull(message = "expiresAt is required") Instant expiresAt) {
}
