package io.modelscout.selector.synthesis;

import io.modelscout.selector.result.RunContext;
import io.modelscout.selector.result.SelectionResult;
import io.modelscout.selector.spec.SpecException;

/** The whole selection for the goal generate. */
public final class SynthesisRun {
    private SynthesisRun() {
    }

    /**
     * Runs the selection.
     *
     * @param context the task, plugins, rulebook, seed and threads
     * @return the result
     * @throws SpecException when the task or its data is wrong
     * @throws InterruptedException when interrupted while evaluating
     */
    public static SelectionResult run(RunContext context) throws SpecException, InterruptedException {
        throw SpecException.of(context.spec().source().toString(), "goal", "goal " + context.spec().goal().id()
                + " is not evaluated yet; available now: classify, regress");
    }
}
