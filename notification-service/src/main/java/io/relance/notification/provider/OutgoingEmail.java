package io.relance.notification.provider;

/** One e-mail to hand to the SMTP relay; {@code statementPdf} is null when the step attaches nothing. */
public record OutgoingEmail(String from, String to, String subject, String html, String text, String messageId,
                            String statementName, byte[] statementPdf) {
}
