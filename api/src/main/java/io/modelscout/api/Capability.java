package io.modelscout.api;

/**
 * What a plugin can do, declared as data. Rules and reports read capabilities; the framework never
 * finds them out by calling a method and catching the failure.
 */
public enum Capability {
    /** Models how the data arise, not only the decision. */
    GENERATIVE,
    /** Fits and predicts on rows with missing cells without imputation by the framework. */
    HANDLES_MISSING_DATA,
    /** Takes nominal and ordinal feature columns as they are, without one-hot encoding by the framework. */
    NOMINAL_FEATURES,
    /** Models ordered sequences. */
    SEQUENTIAL,
    /** Learns without a target column. */
    UNSUPERVISED,
    /** Gives calibrated-in-intent class probabilities or densities, not only hard answers. */
    PROBABILISTIC,
    /** A person can read the fitted model and follow a decision (a tree, a linear model, a rule). */
    INTERPRETABLE,
    /** Can draw new rows from what it learned. */
    SAMPLES_NEW_DATA,
    /** Uses the order of an ordinal target. */
    ORDINAL_TARGET,
    /** Needs features on comparable scales; the framework standardises numeric features for it. */
    NEEDS_SCALING,
    /** Answers a prediction with a cheap function of the features, without Bayes-rule sums over classes or states. */
    FAST_INFERENCE,
    /** A trivial reference model every real candidate should beat. */
    BASELINE,
    /** Gives a label to every position of a sequence ({@link SequenceTask#LABEL}). */
    LABELS_POSITIONS,
    /** Gives a class to each whole sequence ({@link SequenceTask#CLASSIFY}). */
    CLASSIFIES_SEQUENCES,
    /** Predicts the next symbol of a sequence from the ones before it and can continue a sequence ({@link SequenceTask#NEXT}). */
    PREDICTS_NEXT
}
