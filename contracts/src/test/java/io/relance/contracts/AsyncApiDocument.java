package io.relance.contracts;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The AsyncAPI document as a tree, with the few look-ups the drift tests need. */
final class AsyncApiDocument {

    /** Name of the one message that is not a {@link MessageType}: what dead-letter topics carry. */
    static final String DEAD_LETTER_MESSAGE = "dead-letter";

    private static final String DIRECTORY = ContractResources.ASYNCAPI_DOCUMENT
            .substring(0, ContractResources.ASYNCAPI_DOCUMENT.lastIndexOf('/') + 1);

    private final JsonNode root;

    private AsyncApiDocument(JsonNode root) {
        this.root = root;
    }

    static AsyncApiDocument load() {
        try (InputStream in = requireNonNull(AsyncApiDocument.class.getResourceAsStream(
                ContractResources.ASYNCAPI_DOCUMENT), ContractResources.ASYNCAPI_DOCUMENT)) {
            return new AsyncApiDocument(TestObjectMappers.yaml().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode root() {
        return root;
    }

    List<Map.Entry<String, JsonNode>> channels() {
        return List.copyOf(root.get("channels").properties());
    }

    Optional<JsonNode> channelWithAddress(String address) {
        return channels().stream()
                .map(Map.Entry::getValue)
                .filter(channel -> address.equals(channel.path("address").asText()))
                .findFirst();
    }

    /** The messages of a channel, their references followed. */
    List<JsonNode> messagesOf(JsonNode channel) {
        return channel.path("messages").valueStream().map(this::resolve).toList();
    }

    List<JsonNode> componentMessages() {
        return root.path("components").path("messages").valueStream().toList();
    }

    List<JsonNode> operations() {
        return root.path("operations").valueStream().toList();
    }

    /** Follows a local {@code $ref} (a JSON pointer into this document); other nodes come back as they are. */
    JsonNode resolve(JsonNode node) {
        String ref = node.path("$ref").asText();
        if (!ref.startsWith("#/")) {
            return node;
        }
        JsonNode target = root.at(ref.substring(1));
        if (target.isMissingNode()) {
            throw new IllegalStateException("Dangling reference " + ref);
        }
        return resolve(target);
    }

    /** Classpath path of a file referenced relative to the document, such as {@code ./schemas/x.json}. */
    static String classpathOf(String relativeRef) {
        return DIRECTORY + relativeRef.replaceFirst("^\\./", "");
    }
}
