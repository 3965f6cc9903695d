package io.relance.payment.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** POST /payments/{id}/match body: the invoices a collector applies the payment to; several lines split it. */
@Schema(example = """
        {"allocations":[{"invoiceId":"0b7c6c1e-8a0e-4f57-9b1c-2f0f5e1d3a10","amount":"800.00"},
                        {"invoiceId":"5d1f1c0a-6b2e-4a8f-8f43-1c2b3d4e5f60","amount":"400.00"}]}""")
public record MatchRequest(@NotEmpty @Size(max = 100) List<@Valid @NotNull Line> allocations) {

    public record Line(@NotNull UUID invoiceId, @NotNull @Digits(integer = 15, fraction = 4) BigDecimal amount) {
    }
}
