package io.collector.platform.flow;

import io.collector.service.testkit.ApiClient.Response;
import tools.jackson.databind.JsonNode;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

/** Reading the services' answers in a flow: the expected status or the flow fails, saying what came instead. */
final class Steps {

    private Steps() {
    }

    static JsonNode expect(int status, Response response) {
        if (response.status() != status) {
            throw new FlowFailedException("Expected HTTP " + status + " but got " + response);
        }
        return response.json();
    }

    static UUID id(JsonNode resource) {
        return UUID.fromString(resource.path("id").asString());
    }

    /** The resource if it exists (yet). */
    static Optional<JsonNode> found(Response response) {
        return response.status() == 200 ? Optional.of(response.json()) : Optional.empty();
    }

    /** The first element of a listed collection that matches. */
    static Optional<JsonNode> first(Response response, Predicate<JsonNode> matching) {
        return StreamSupport.stream(expect(200, response).spliterator(), false).filter(matching).findFirst();
    }
}
