package io.relance.payment.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** POST /payments/{id}/unmatch body: why the match was wrong; it travels in PaymentReversed. */
@Schema(example = """
        {"reason":"paid for the subsidiary's invoice, not ACME's"}""")
public record UnmatchRequest(@NotBlank @Size(max = 500) String reason) {
}
