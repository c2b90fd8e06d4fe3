package io.modelscout.plugins.smile;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import io.modelscout.api.Capability;
import io.modelscout.api.Family;
import io.modelscout.api.Goal;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.testkit.PluginContract;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

final class SmileSequencePluginsContractTest {
    private static final List<String> IDS = List.of("smile.crf", "smile.hmm-labeler", "smile.window-logistic",
            "smile.window-forest", "smile.kmer-logistic", "smile.kmer-svm", "smile.kmer-forest", "smile.dtw-1nn",
            "smile.next-symbol-logistic");

    private static Set<ModelPlugin> plugins() {
        return Guice.createInjector(new SmileSequenceModule())
                .getInstance(Key.get(new TypeLiteral<Set<ModelPlugin>>() { }));
    }

    @TestFactory
    List<DynamicNode> contract() {
        assertThat(plugins()).extracting(ModelPlugin::id).containsExactlyInAnyOrderElementsOf(IDS);
        return PluginContract.of(plugins());
    }

    @Test
    void familiesAndTasksAreAsDeclared() {
        Map<String, ModelPlugin> byId = plugins().stream()
                .collect(Collectors.toMap(ModelPlugin::id, Function.identity()));
        assertThat(byId.get("smile.hmm-labeler").family()).isEqualTo(Family.GENERATIVE);
        for (String id : IDS) {
            assertThat(byId.get(id).goals()).as(id).containsExactly(Goal.MODEL_SEQUENCES);
            if (!id.equals("smile.hmm-labeler")) {
                assertThat(byId.get(id).family()).as(id).isEqualTo(Family.DISCRIMINATIVE);
            }
        }
        for (String id : List.of("smile.crf", "smile.hmm-labeler", "smile.window-logistic", "smile.window-forest")) {
            assertThat(byId.get(id).capabilities()).as(id).contains(Capability.LABELS_POSITIONS);
        }
        for (String id : List.of("smile.kmer-logistic", "smile.kmer-svm", "smile.kmer-forest", "smile.dtw-1nn")) {
            assertThat(byId.get(id).capabilities()).as(id).contains(Capability.CLASSIFIES_SEQUENCES)
                    .doesNotContain(Capability.LABELS_POSITIONS, Capability.PREDICTS_NEXT);
        }
        assertThat(byId.get("smile.kmer-logistic").capabilities()).doesNotContain(Capability.SEQUENTIAL);
        assertThat(byId.get("smile.next-symbol-logistic").capabilities())
                .contains(Capability.PREDICTS_NEXT, Capability.SEQUENTIAL);
    }
}
