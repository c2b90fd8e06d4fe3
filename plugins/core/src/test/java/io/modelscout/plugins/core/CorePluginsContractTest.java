package io.modelscout.plugins.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.ParameterValues;
import io.modelscout.api.model.Classifier;
import io.modelscout.api.testkit.ContractData;
import io.modelscout.api.testkit.PluginContract;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

final class CorePluginsContractTest {

    private static Set<ModelPlugin> plugins() {
        return Guice.createInjector(new CoreModule()).getInstance(Key.get(new TypeLiteral<Set<ModelPlugin>>() { }));
    }

    @TestFactory
    List<DynamicNode> contract() {
        assertThat(plugins()).extracting(ModelPlugin::id).contains("core.constant", "core.ordinal-logistic", "core.mixed-naive-bayes",
                "core.categorical-naive-bayes");
        return PluginContract.of(plugins());
    }

    @Test
    void constantPredictsTheTrainingClassFrequencies() throws Exception {
        var table = ContractData.classification(false, false, 1);
        var request = new FitRequest(Goal.CLASSIFY, table.without("class"), Optional.of(table.column("class")),
                ParameterValues.NONE, 1);
        var prediction = ((Classifier) new ConstantBaselinePlugin().fit(request)).predict(table.without("class"));
        // 240 rows dealt over three classes in turn: a third each, none for the declared but absent fourth level
        assertThat(prediction.probabilities()[0]).containsExactly(1 / 3.0, 1 / 3.0, 1 / 3.0, 0.0);
        assertThat(prediction.labels()).containsOnly(0);
    }
}
