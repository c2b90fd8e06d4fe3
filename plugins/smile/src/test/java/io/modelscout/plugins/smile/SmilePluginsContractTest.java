package io.modelscout.plugins.smile;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.TypeLiteral;
import io.modelscout.api.Capability;
import io.modelscout.api.Family;
import io.modelscout.api.Goal;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.testkit.PluginContract;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

final class SmilePluginsContractTest {
    private static final List<String> IDS = List.of("smile.logistic-regression", "smile.random-forest", "smile.knn",
            "smile.decision-tree", "smile.gradient-boosting", "smile.svm", "smile.naive-bayes", "smile.ols",
            "smile.ridge", "smile.lda", "smile.qda", "smile.gaussian-mixture", "smile.mlp", "smile.svr",
            "smile.linear-svm", "smile.lasso");
    private static final Set<String> GENERATIVE = Set.of("smile.naive-bayes", "smile.lda", "smile.qda",
            "smile.gaussian-mixture");
    private static final Set<String> TREES = Set.of("smile.decision-tree", "smile.random-forest",
            "smile.gradient-boosting");

    private static Set<ModelPlugin> plugins() {
        return Guice.createInjector(new SmileModule()).getInstance(Key.get(new TypeLiteral<Set<ModelPlugin>>() { }));
    }

    @TestFactory
    List<DynamicNode> contract() {
        var plugins = plugins();
        assertThat(plugins).extracting(ModelPlugin::id).containsAll(IDS);
        return PluginContract.of(plugins);
    }

    @Test
    void theModuleIsFoundByTheServiceLoader() {
        assertThat(ServiceLoader.load(Module.class).stream().map(ServiceLoader.Provider::type))
                .contains(SmileModule.class);
    }

    @Test
    void familiesGoalsAndCapabilitiesAreAsDeclared() {
        for (ModelPlugin plugin : plugins()) {
            boolean generative = GENERATIVE.contains(plugin.id());
            assertThat(plugin.family()).as(plugin.id()).isEqualTo(generative ? Family.GENERATIVE : Family.DISCRIMINATIVE);
            assertThat(plugin.capabilities()).as(plugin.id()).doesNotContain(Capability.HANDLES_MISSING_DATA);
            assertThat(plugin.capabilities().contains(Capability.NOMINAL_FEATURES)).as(plugin.id())
                    .isEqualTo(TREES.contains(plugin.id()));
        }
        var byId = plugins().stream().collect(Collectors.toMap(ModelPlugin::id, Function.identity()));
        assertThat(byId.get("smile.naive-bayes").capabilities()).contains(Capability.GENERATIVE, Capability.PROBABILISTIC);
        assertThat(byId.get("smile.random-forest").goals()).containsExactlyInAnyOrder(Goal.CLASSIFY, Goal.REGRESS);
        assertThat(byId.get("smile.gradient-boosting").goals()).containsExactlyInAnyOrder(Goal.CLASSIFY, Goal.REGRESS);
        assertThat(byId.get("smile.decision-tree").goals()).containsExactlyInAnyOrder(Goal.CLASSIFY, Goal.REGRESS);
        assertThat(byId.get("smile.ols").goals()).containsExactly(Goal.REGRESS);
        assertThat(byId.get("smile.ridge").goals()).containsExactly(Goal.REGRESS);
        assertThat(byId.get("smile.lasso").goals()).containsExactly(Goal.REGRESS);
        assertThat(byId.get("smile.svr").goals()).containsExactly(Goal.REGRESS);
        assertThat(byId.get("smile.mlp").goals()).containsExactlyInAnyOrder(Goal.CLASSIFY, Goal.REGRESS);
        assertThat(byId.get("smile.knn").goals()).containsExactlyInAnyOrder(Goal.CLASSIFY, Goal.REGRESS);
        for (String id : GENERATIVE) {
            assertThat(byId.get(id).capabilities()).as(id).contains(Capability.GENERATIVE, Capability.PROBABILISTIC);
            assertThat(byId.get(id).goals()).as(id).containsExactly(Goal.CLASSIFY);
        }
        for (String id : List.of("smile.decision-tree", "smile.ols", "smile.ridge", "smile.logistic-regression")) {
            assertThat(byId.get(id).capabilities()).as(id).contains(Capability.INTERPRETABLE);
        }
        for (String id : List.of("smile.knn", "smile.svm", "smile.logistic-regression", "smile.mlp", "smile.svr",
                "smile.linear-svm")) {
            assertThat(byId.get(id).capabilities()).as(id).contains(Capability.NEEDS_SCALING);
        }
    }
}
