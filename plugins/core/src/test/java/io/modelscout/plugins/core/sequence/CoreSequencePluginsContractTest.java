package io.modelscout.plugins.core.sequence;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import io.modelscout.api.Capability;
import io.modelscout.api.Family;
import io.modelscout.api.Goal;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.testkit.PluginContract;
import io.modelscout.plugins.core.CoreSequenceModule;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

final class CoreSequencePluginsContractTest {
    private static final List<String> IDS = List.of("core.hmm-labeler", "core.hmm-classifier", "core.hmm",
            "core.markov-1", "core.markov-2", "core.markov-3");

    private static Set<ModelPlugin> plugins() {
        return Guice.createInjector(new CoreSequenceModule())
                .getInstance(Key.get(new TypeLiteral<Set<ModelPlugin>>() { }));
    }

    @TestFactory
    List<DynamicNode> contract() {
        assertThat(plugins()).extracting(ModelPlugin::id).containsExactlyInAnyOrderElementsOf(IDS);
        return PluginContract.of(plugins());
    }

    @Test
    void everySequencePluginIsGenerativeAndSequential() {
        for (ModelPlugin plugin : plugins()) {
            assertThat(plugin.family()).as(plugin.id()).isEqualTo(Family.GENERATIVE);
            assertThat(plugin.goals()).as(plugin.id()).containsExactly(Goal.MODEL_SEQUENCES);
            assertThat(plugin.capabilities()).as(plugin.id()).contains(Capability.SEQUENTIAL, Capability.GENERATIVE);
        }
    }
}
