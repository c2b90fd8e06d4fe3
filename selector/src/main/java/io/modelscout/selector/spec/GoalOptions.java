package io.modelscout.selector.spec;

/**
 * The options of one goal, read from the task file's section for that goal. Each goal other than classification
 * and regression has its own record: {@link UnsupervisedOptions}, {@link SequenceOptions}, {@link SynthesisOptions}.
 */
public sealed interface GoalOptions permits GoalOptions.None, UnsupervisedOptions, SequenceOptions, SynthesisOptions {
    /** No options: classification and regression. */
    GoalOptions NONE = new None();

    /** The options of a goal that has none. */
    record None() implements GoalOptions {
    }
}
