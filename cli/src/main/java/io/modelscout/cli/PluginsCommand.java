package io.modelscout.cli;

import io.modelscout.api.Goal;
import io.modelscout.api.HyperParameter;
import io.modelscout.api.ModelPlugin;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
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

    @Override
    public Integer call() {
        List<ModelPlugin> plugins = PluginRegistry.discover(PluginsCommand.class.getClassLoader());
        if (json) {
            var mapper = JsonMapper.builder().build();
            ArrayNode array = mapper.createArrayNode();
            for (ModelPlugin plugin : plugins) {
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
            }
            System.out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(array));
            return 0;
        }
        System.out.printf("%-28s %-15s %-18s %s%n", "ID", "FAMILY", "GOALS", "CAPABILITIES");
        for (ModelPlugin plugin : plugins) {
            System.out.printf("%-28s %-15s %-18s %s%n", plugin.id(), plugin.family().id(),
                    String.join(",", plugin.goals().stream().map(Goal::id).sorted().toList()),
                    String.join(",", plugin.capabilities().stream().map(Enum::name).sorted().toList()));
        }
        System.out.println(plugins.size() + " plugins");
        return 0;
    }
}
