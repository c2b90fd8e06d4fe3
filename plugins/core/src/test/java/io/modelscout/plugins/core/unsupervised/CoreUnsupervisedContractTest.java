package io.modelscout.plugins.core.unsupervised;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import io.modelscout.api.Capability;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.testkit.PluginContract;
import io.modelscout.plugins.core.CoreUnsupervisedModule;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

final class CoreUnsupervisedContractTest {
    private static final List<String> IDS = List.of("core.mixed-mixture", "core.kde-rule", "core.kde-cv",
            "core.independent-marginals");

    private static Set<ModelPlugin> plugins() {
        return Guice.createInjector(new CoreUnsupervisedModule())
                .getInstance(Key.get(new TypeLiteral<Set<ModelPlugin>>() { }));
    }

    @TestFactory
    List<DynamicNode> contract() {
        var plugins = plugins();
        assertThat(plugins).extracting(ModelPlugin::id).containsAll(IDS);
        return PluginContract.of(plugins);
    }

    @Test
    void noDensityPluginAsksForScaling() {
        for (ModelPlugin plugin : plugins()) {
            assertThat(plugin.capabilities()).as(plugin.id()).contains(Capability.UNSUPERVISED)
                    .doesNotContain(Capability.NEEDS_SCALING);
        }
    }
}
