package io.relance.invoice.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of a cancellation or a write-off: why it is done, as recorded by the person who decided it. */
public record ReasonRequest(@NotBlank @Size(max = 500) String reason) {
}
