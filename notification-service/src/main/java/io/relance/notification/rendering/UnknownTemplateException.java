package io.relance.notification.rendering;

/** No template exists for this key, channel and language: the reminder cannot be written. */
public class UnknownTemplateException extends RuntimeException {

    public UnknownTemplateException(String message) {
        super(message);
    }
}
