package io.modelscout.cli;

import io.modelscout.selector.Selector;
import io.modelscout.selector.result.SelectionResult.FactValue;
import io.modelscout.selector.result.SelectionResult.RuleOutcome;
import io.modelscout.selector.rules.CandidatePlan;
import io.modelscout.selector.spec.SpecException;
import io.modelscout.selector.spec.TaskSpec;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code modelscout explain TASK.yaml}: facts, rules fired and the candidate plan, without evaluating anything. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Prints the facts, the rules that fired and the candidate plan of a task, without evaluating.")
final class ExplainCommand implements Callable<Integer> {
    @Mixin
    TaskOptions taskOptions;

    @Override
    public Integer call() {
        try {
            TaskSpec spec = taskOptions.readTask();
            Selector selector = taskOptions.selector();
            Selector.LoadedData data = selector.load(spec);
            CandidatePlan plan = selector.plan(spec, data);
            System.out.println("Facts:");
            for (FactValue fact : plan.facts()) {
                System.out.printf("  %-18s %-5s (%s) %s%n", fact.name(), fact.value(), fact.source(), fact.detail());
            }
            System.out.println("Rules:");
            for (RuleOutcome rule : plan.rules()) {
                System.out.printf("  %s %-36s %s%n", rule.fired() ? "fired  " : "-      ", rule.id(),
                        rule.fired() ? rule.effect() : "");
            }
            System.out.println("Candidates:");
            for (CandidatePlan.Entry entry : plan.entries()) {
                System.out.printf("  %-8s %-28s %s%n", entry.included() ? "include" : "exclude", entry.plugin().id(),
                        String.join("; ", entry.reasons()));
            }
            return 0;
        } catch (SpecException e) {
            Errors.print(e);
            return Main.USER_ERROR;
        }
    }
}
