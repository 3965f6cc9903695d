package io.relance.invoice.api;

import java.util.List;

/** One page of invoices; {@code next} is the cursor to pass as {@code after} for the next page, null on the last. */
public record InvoicePage(List<InvoiceResponse> items, String next) {
}
