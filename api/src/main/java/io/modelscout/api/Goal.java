package io.modelscout.api;

/**
 * What a user wants a model for. A plugin declares the goals it serves; a task names exactly one.
 */
public enum Goal {
    /** Predict a nominal or ordinal target: a hard label and class probabilities per row. */
    CLASSIFY("classify"),
    /** Predict a numeric target. */
    REGRESS("regress"),
    /** Group unlabelled rows into clusters. */
    CLUSTER("cluster"),
    /** Score rows so that a higher score means more anomalous. */
    DETECT_ANOMALIES("detect-anomalies"),
    /** Estimate the joint density of the columns: a log-density per row. */
    ESTIMATE_DENSITY("estimate-density"),
    /** Model ordered sequences: their likelihood, the labels of their positions, what comes next. */
    MODEL_SEQUENCES("model-sequences"),
    /** Generate new synthetic rows that follow the patterns of a table. */
    GENERATE("generate");

    private final String id;

    Goal(String id) {
        this.id = id;
    }

    /**
     * The name used in task files and reports.
     *
     * @return the lower-case, hyphenated name, e.g. {@code detect-anomalies}
     */
    public String id() {
        return id;
    }

    /**
     * Whether the goal needs a target column.
     *
     * @return true for {@link #CLASSIFY} and {@link #REGRESS}
     */
    public boolean supervised() {
        return this == CLASSIFY || this == REGRESS;
    }

    /**
     * Looks a goal up by its task-file name.
     *
     * @param id the name, e.g. {@code classify}
     * @return the goal
     * @throws IllegalArgumentException naming the known goals when {@code id} is none of them
     */
    public static Goal fromId(String id) {
        for (Goal goal : values()) {
            if (goal.id.equals(id)) {
                return goal;
            }
        }
        throw new IllegalArgumentException("unknown goal '" + id + "'; known: " + knownIds());
    }

    /**
     * The task-file names of all goals.
     *
     * @return the names joined by commas, in declaration order
     */
    public static String knownIds() {
        var names = new StringBuilder();
        for (Goal goal : values()) {
            if (!names.isEmpty()) {
                names.append(", ");
            }
            names.append(goal.id);
        }
        return names.toString();
    }
}
