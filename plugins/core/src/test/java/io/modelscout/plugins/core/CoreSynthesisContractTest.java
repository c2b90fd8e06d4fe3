package io.modelscout.plugins.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.testkit.PluginContract;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

final class CoreSynthesisContractTest {

    private static Set<ModelPlugin> plugins() {
        return Guice.createInjector(new CoreSynthesisModule())
                .getInstance(Key.get(new TypeLiteral<Set<ModelPlugin>>() { }));
    }

    /** The baseline synthesizers of this backend; the neural ones have contract tests of their own. */
    private static final List<ModelPlugin> BASELINES = List.of(new MarginalSamplerPlugin(),
            new GaussianCopulaPlugin(), new NaiveBayesSamplerPlugin(), new BayesNetSamplerPlugin());

    @TestFactory
    List<DynamicNode> contract() {
        assertThat(plugins()).extracting(ModelPlugin::id)
                .containsAll(BASELINES.stream().map(ModelPlugin::id).toList());
        return PluginContract.of(BASELINES);
    }
}
