package io.relance.notification.rendering;

import io.quarkus.qute.TemplateData;

import java.util.List;

/**
 * Everything a template may print, already formatted for its language. Customer-supplied values (name,
 * invoice numbers, address) are plain strings: HTML templates escape them, text templates print them as they are.
 */
@TemplateData
public record MessageView(
        String customerId,
        String customerName,
        List<String> addressLines,
        List<Line> invoices,
        int invoiceCount,
        String totalOpen,
        String totalLateInterest,
        String totalRecoveryIndemnity,
        String indemnityPerInvoice,
        String totalClaimed,
        String deadline,
        String businessDate,
        String paymentLink,
        Sender sender,
        boolean friendly,
        boolean firm,
        boolean formal,
        boolean registered) {

    @TemplateData
    public record Line(String number, String issueDate, String dueDate, String amountOpen, String lateInterest,
                       String recoveryIndemnity) {
    }

    @TemplateData
    public record Sender(String name, String email, List<String> address, String phone) {
    }
}
