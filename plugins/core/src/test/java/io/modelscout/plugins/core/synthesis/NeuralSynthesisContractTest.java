package io.modelscout.plugins.core.synthesis;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import io.modelscout.api.Capability;
import io.modelscout.api.Family;
import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.HyperParameter;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.ParameterSpace;
import io.modelscout.api.model.FittedModel;
import io.modelscout.api.testkit.PluginContract;
import io.modelscout.plugins.core.CoreSynthesisModule;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The generator contract on the VAE and the GAN, with their epochs cut so that the suite stays fast. */
final class NeuralSynthesisContractTest {

    /** The same plugin with a smaller default for {@code epochs}; everything else delegates. */
    private record FewEpochs(ModelPlugin plugin, int epochs) implements ModelPlugin {
        public String id() {
            return plugin.id();
        }

        public String displayName() {
            return plugin.displayName();
        }

        public String description() {
            return plugin.description();
        }

        public Family family() {
            return plugin.family();
        }

        public Set<Goal> goals() {
            return plugin.goals();
        }

        public Set<Capability> capabilities() {
            return plugin.capabilities();
        }

        public ParameterSpace parameters() {
            return new ParameterSpace(plugin.parameters().parameters().stream()
                    .map(p -> p instanceof HyperParameter.IntParam i && i.name().equals("epochs")
                            ? new HyperParameter.IntParam(i.name(), i.description(), epochs, i.min(), i.max(),
                                    i.logScale())
                            : p)
                    .toList());
        }

        public FittedModel fit(FitRequest request) throws Exception {
            return plugin.fit(request);
        }
    }

    @TestFactory
    List<DynamicNode> contract() {
        return PluginContract.of(List.of(new FewEpochs(new TvaePlugin(), 40), new FewEpochs(new CtganPlugin(), 60)));
    }

    @Test
    void bothAreBoundAsGenerativeSamplersWithoutScaling() {
        var plugins = Guice.createInjector(new CoreSynthesisModule())
                .getInstance(Key.get(new TypeLiteral<Set<ModelPlugin>>() { }));
        assertThat(plugins).filteredOn(p -> p.id().equals("core.tvae") || p.id().equals("core.ctgan")).hasSize(2)
                .allSatisfy(p -> {
                    assertThat(p.family()).isEqualTo(Family.GENERATIVE);
                    assertThat(p.goals()).containsExactly(Goal.GENERATE);
                    assertThat(p.capabilities()).contains(Capability.SAMPLES_NEW_DATA, Capability.NOMINAL_FEATURES)
                            .doesNotContain(Capability.NEEDS_SCALING, Capability.HANDLES_MISSING_DATA);
                });
    }
}
