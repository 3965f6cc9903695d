package io.relance.notification.rendering;

/** One rendered message: a subject (e-mail only), an HTML body (e-mail, letter) and a text body (e-mail, SMS). */
public record RenderedMessage(String subject, String html, String text) {
}
