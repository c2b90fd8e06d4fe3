package io.modelscout.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Small task files on the example data, written into a test's folder, and what their result.json says. */
final class Tasks {
    private Tasks() {
    }

    /**
     * A classification task on iris.
     *
     * @param dir where to write it
     * @param evaluation the body of the task's {@code evaluation} map, e.g. {@code folds: 3, seed: 1}
     * @return the task file
     */
    static Path iris(Path dir, String evaluation) throws java.io.IOException {
        Path data = Path.of("data", "iris.arff").toAbsolutePath();
        Path task = dir.resolve("iris-plugins.yaml");
        Files.writeString(task, """
                name: iris-plugins
                goal: classify
                data: {path: '%s', target: class}
                evaluation: {%s}
                """.formatted(data.toString().replace("'", "''"), evaluation));
        return task;
    }

    /** The entry of one candidate in a result.json, failing when it is absent. */
    static JsonNode candidate(Path out, String id) {
        JsonNode result = JsonMapper.builder().build().readTree(out.resolve("result.json").toFile());
        for (JsonNode candidate : result.get("candidates")) {
            if (candidate.get("id").asString().equals(id)) {
                return candidate;
            }
        }
        throw new AssertionError("no candidate " + id + " in " + out.resolve("result.json"));
    }
}
