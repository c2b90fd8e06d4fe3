package io.modelscout.api;

/** What a {@link Goal#MODEL_SEQUENCES} task asks of the sequences. */
public enum SequenceTask {
    /** Label every position (e.g. the secondary structure of each residue). */
    LABEL("label"),
    /** Give each whole sequence a class (e.g. the splice-junction type of a DNA window). */
    CLASSIFY("classify"),
    /** Predict the next symbol from the ones before it, and continue a sequence. */
    NEXT("next");

    private final String id;

    SequenceTask(String id) {
        this.id = id;
    }

    /**
     * The name written in task files.
     *
     * @return e.g. {@code label}
     */
    public String id() {
        return id;
    }

    /**
     * Looks a task up by name.
     *
     * @param id the name
     * @return the task
     * @throws IllegalArgumentException listing the known names
     */
    public static SequenceTask fromId(String id) {
        for (SequenceTask task : values()) {
            if (task.id.equals(id)) {
                return task;
            }
        }
        throw new IllegalArgumentException("unknown sequence task '" + id + "'; known: label, classify, next");
    }
}
