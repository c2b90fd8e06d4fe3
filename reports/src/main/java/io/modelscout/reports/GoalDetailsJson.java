package io.modelscout.reports;

import io.modelscout.selector.result.GoalDetails;
import tools.jackson.databind.JsonNode;

/** The {@code details} key of {@code result.json}: each goal's details written and read by its own class. */
final class GoalDetailsJson {
    private GoalDetailsJson() {
    }

    static JsonNode write(GoalDetails details) {
        return switch (details.goal()) {
            case "cluster", "detect-anomalies", "estimate-density" -> UnsupervisedJson.write(details);
            case "model-sequences" -> SequenceJson.write(details);
            case "generate" -> SynthesisJson.write(details);
            default -> throw new IllegalArgumentException("no details are written for goal " + details.goal());
        };
    }

    /**
     * Reads the details of a goal.
     *
     * @param goal the task's goal id
     * @param json the {@code details} node
     * @param path its path, for messages
     * @throws IllegalArgumentException naming the path when the node is malformed
     */
    static GoalDetails read(String goal, JsonNode json, String path) {
        return switch (goal) {
            case "cluster", "detect-anomalies", "estimate-density" -> UnsupervisedJson.read(json, path);
            case "model-sequences" -> SequenceJson.read(json, path);
            case "generate" -> SynthesisJson.read(json, path);
            default -> throw new IllegalArgumentException(path + ": goal " + goal + " has no details");
        };
    }
}
