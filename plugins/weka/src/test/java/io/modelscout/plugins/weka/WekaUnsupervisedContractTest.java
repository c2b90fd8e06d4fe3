package io.modelscout.plugins.weka;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.testkit.PluginContract;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

final class WekaUnsupervisedContractTest {

    @TestFactory
    List<DynamicNode> everyWekaClustererPassesTheContract() {
        Set<ModelPlugin> plugins = Guice.createInjector(new WekaUnsupervisedModule())
                .getInstance(Key.get(new TypeLiteral<Set<ModelPlugin>>() { }));
        assertThat(plugins).extracting(ModelPlugin::id).containsExactlyInAnyOrder("weka.em", "weka.simple-kmeans");
        return PluginContract.of(plugins.stream().sorted(Comparator.comparing(ModelPlugin::id)).toList());
    }
}
