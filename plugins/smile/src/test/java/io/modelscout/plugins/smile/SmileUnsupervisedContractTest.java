package io.modelscout.plugins.smile;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import io.modelscout.api.Capability;
import io.modelscout.api.Family;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.testkit.PluginContract;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

final class SmileUnsupervisedContractTest {
    private static final List<String> IDS = List.of("smile.gmm", "smile.gmm-holdout", "smile.gmm-diagonal",
            "smile.gaussian", "smile.kmeans", "smile.gmeans", "smile.dbscan", "smile.hdbscan", "smile.k-modes", "smile.isolation-forest",
            "smile.one-class-svm", "smile.knn-distance");

    private static Set<ModelPlugin> plugins() {
        return Guice.createInjector(new SmileUnsupervisedModule())
                .getInstance(Key.get(new TypeLiteral<Set<ModelPlugin>>() { }));
    }

    @TestFactory
    List<DynamicNode> contract() {
        var plugins = plugins();
        assertThat(plugins).extracting(ModelPlugin::id).containsAll(IDS);
        return PluginContract.of(plugins);
    }

    @Test
    void everyPluginIsUnsupervisedAndNoneAsksForScaling() {
        for (ModelPlugin plugin : plugins()) {
            assertThat(plugin.capabilities()).as(plugin.id()).contains(Capability.UNSUPERVISED);
            assertThat(plugin.capabilities()).as(plugin.id()).doesNotContain(Capability.HANDLES_MISSING_DATA);
            assertThat(plugin.capabilities().contains(Capability.NOMINAL_FEATURES)).as(plugin.id())
                    .isEqualTo(plugin.id().equals("smile.k-modes"));
            if (plugin.family() == Family.GENERATIVE) {
                assertThat(plugin.capabilities()).as(plugin.id()).contains(Capability.PROBABILISTIC)
                        .doesNotContain(Capability.NEEDS_SCALING);
            }
        }
    }
}
