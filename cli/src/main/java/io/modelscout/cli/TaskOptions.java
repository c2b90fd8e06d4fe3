package io.modelscout.cli;

import io.modelscout.api.ModelPlugin;
import io.modelscout.cli.plugins.LoadedPlugin;
import io.modelscout.selector.Selector;
import io.modelscout.selector.rules.DerivedFacts;
import io.modelscout.selector.rules.Rule;
import io.modelscout.selector.rules.RuleFile;
import io.modelscout.selector.spec.SpecException;
import io.modelscout.selector.spec.TaskSpec;
import io.modelscout.selector.spec.TaskSpecReader;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The task file and rule options shared by the commands that read a task. */
final class TaskOptions {
    @Parameters(index = "0", paramLabel = "TASK.yaml", description = "The task file.")
    Path task;

    @Option(names = "--rules", paramLabel = "FILE", description = "Extra rules, added to the bundled rulebook.")
    Path rules;

    @Mixin
    PluginsOption pluginsOption = new PluginsOption();

    TaskSpec readTask() throws SpecException {
        return TaskSpecReader.read(task);
    }

    Selector selector() throws SpecException {
        List<ModelPlugin> plugins = pluginsOption.load().stream().map(LoadedPlugin::plugin).toList();
        List<Rule> extra = rules == null ? List.of() : RuleFile.read(rules, DerivedFacts.knownNames());
        return new Selector(new HashSet<>(plugins), extra);
    }
}
