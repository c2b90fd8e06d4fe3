package io.modelscout.reports;

import io.modelscout.selector.result.GoalDetails;
import tools.jackson.databind.JsonNode;

/** The {@code details} of sequence results in {@code result.json}. */
final class SequenceJson {
    private SequenceJson() {
    }

    static JsonNode write(GoalDetails details) {
        throw new IllegalArgumentException("details of type " + details.getClass().getSimpleName() + " are not written yet");
    }

    static GoalDetails read(JsonNode json, String path) {
        throw new IllegalArgumentException(path + ": these details are not read yet");
    }
}
