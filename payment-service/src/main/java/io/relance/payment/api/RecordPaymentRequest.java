package io.relance.payment.api;

import io.relance.payment.domain.PaymentMethod;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** POST /payments body: one payment as the payer, the bank or the provider describes it. */
@Schema(example = """
        {"amount":"1200.00","currency":"EUR","valueDate":"2026-05-04","payerName":"ACME SAS",
         "payerIban":"FR7630006000011234567890189","remittance":"Facture F-2026-0001","method":"TRANSFER",
         "invoiceReferences":["F-2026-0001"]}""")
public record RecordPaymentRequest(
        @NotNull @Digits(integer = 15, fraction = 4) BigDecimal amount,
        @NotBlank String currency,
        @NotNull LocalDate valueDate,
        @Size(max = 140) String payerName,
        @Size(max = 42) String payerIban,
        @Size(max = 1000) String remittance,
        @NotNull PaymentMethod method,
        @Size(max = 50) List<@NotBlank @Size(max = 64) String> invoiceReferences) {
}
