package io.modelscout.api.testkit;

import io.modelscout.api.Goal;
import io.modelscout.api.ModelPlugin;
import java.util.List;
import org.junit.jupiter.api.DynamicNode;

/** The contract checks of one goal, called by {@link PluginContract}. */
final class SequenceContract {
    private SequenceContract() {
    }

    static List<DynamicNode> tests(ModelPlugin plugin, Goal goal) {
        return List.of();
    }
}
