package io.modelscout.cli;

import io.modelscout.api.Goal;
import io.modelscout.api.HyperParameter;
import io.modelscout.api.ModelPlugin;
import io.modelscout.cli.plugins.LoadedPlugin;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code modelscout plugins}: every registered plugin with family, goals and capabilities. */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = "Lists every registered plugin with its family, goals, capabilities and parameters.")
final class PluginsCommand implements Callable<Integer> {
    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Mixin
    PluginsOption pluginsOption = new PluginsOption();

    @Override
    public Integer call() {
        List<LoadedPlugin> loaded = pluginsOption.load();
        List<ModelPlugin> plugins = loaded.stream().map(LoadedPlugin::plugin).toList();
        if (json) {
            var mapper = JsonMapper.builder().build();
            ArrayNode array = mapper.createArrayNode();
            for (LoadedPlugin entry : loaded) {
                ModelPlugin plugin = entry.plugin();
                ObjectNode node = array.addObject();
                node.put("id", plugin.id());
                node.put("name", plugin.displayName());
                node.put("family", plugin.family().id());
                var goals = node.putArray("goals");
                plugin.goals().stream().map(Goal::id).sorted().forEach(goals::add);
                var capabilities = node.putArray("capabilities");
                plugin.capabilities().stream().map(Enum::name).sorted().forEach(capabilities::add);
                var parameters = node.putObject("parameters");
                for (HyperParameter p : plugin.parameters().parameters()) {
                    parameters.put(p.name(), String.valueOf(p.defaultObject()));
                }
                node.put("apiVersion", plugin.apiVersion());
                node.put("description", plugin.description());
                node.put("source", entry.source().describe());
            }
            System.out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(array));
            return 0;
        }
        // The source comes last: a jar's path is long, and the other columns stay aligned before it.
        String capabilitiesWidth = "%-" + Math.max(12, loaded.stream().mapToInt(e -> capabilities(e.plugin()).length())
                .max().orElse(0)) + "s";
        System.out.printf("%-28s %-15s %-18s " + capabilitiesWidth + " %s%n", "ID", "FAMILY", "GOALS", "CAPABILITIES",
                "SOURCE");
        for (LoadedPlugin entry : loaded) {
            ModelPlugin plugin = entry.plugin();
            System.out.printf("%-28s %-15s %-18s " + capabilitiesWidth + " %s%n", plugin.id(), plugin.family().id(),
                    String.join(",", plugin.goals().stream().map(Goal::id).sorted().toList()), capabilities(plugin),
                    entry.source().describe());
        }
        System.out.println(plugins.size() + " plugins");
        return 0;
    }

    private static String capabilities(ModelPlugin plugin) {
        return String.join(",", plugin.capabilities().stream().map(Enum::name).sorted().toList());
    }
}
