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

final class WekaPluginsContractTest {

    @TestFactory
    List<DynamicNode> everyWekaPluginPassesTheContract() {
        Set<ModelPlugin> plugins = Guice.createInjector(new WekaModule())
                .getInstance(Key.get(new TypeLiteral<Set<ModelPlugin>>() { }));
        assertThat(plugins).extracting(ModelPlugin::id).containsExactlyInAnyOrder(
                "weka.j48", "weka.naive-bayes", "weka.logistic", "weka.random-forest", "weka.ibk", "weka.smo",
                "weka.linear-regression", "weka.m5p", "weka.bayes-net", "weka.mlp", "weka.smoreg", "weka.reptree");
        // A fixed order keeps the report of test results stable between runs.
        return PluginContract.of(plugins.stream().sorted(Comparator.comparing(ModelPlugin::id)).toList());
    }
}
