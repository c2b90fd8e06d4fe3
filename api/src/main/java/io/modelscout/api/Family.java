package io.modelscout.api;

/**
 * The two approaches to modelling that ModelScout compares.
 */
public enum Family {
    /** Models the joint distribution of features and outcome (or of the data alone), so it can also sample it. */
    GENERATIVE("generative"),
    /** Models the outcome given the features, or a decision boundary, directly. */
    DISCRIMINATIVE("discriminative");

    private final String id;

    Family(String id) {
        this.id = id;
    }

    /**
     * The lower-case name used in task files, rules and reports.
     *
     * @return {@code generative} or {@code discriminative}
     */
    public String id() {
        return id;
    }
}
