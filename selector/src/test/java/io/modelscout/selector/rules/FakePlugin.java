package io.modelscout.selector.rules;

import static java.util.Objects.requireNonNull;

import io.modelscout.api.Capability;
import io.modelscout.api.Family;
import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.ParameterSpace;
import io.modelscout.api.model.FittedModel;
import java.util.Set;

/** A plugin that only declares what it is: rules read declarations and never fit. */
final class FakePlugin implements ModelPlugin {
    private final String id;
    private final Family family;
    private final Set<Goal> goals;
    private final Set<Capability> capabilities;

    FakePlugin(String id, Family family, Set<Goal> goals, Set<Capability> capabilities) {
        this.id = requireNonNull(id, "id is null");
        this.family = requireNonNull(family, "family is null");
        this.goals = Set.copyOf(goals);
        this.capabilities = Set.copyOf(capabilities);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String displayName() {
        return "Fake " + id;
    }

    @Override
    public String description() {
        return "A declaration for rule tests.";
    }

    @Override
    public Family family() {
        return family;
    }

    @Override
    public Set<Goal> goals() {
        return goals;
    }

    @Override
    public Set<Capability> capabilities() {
        return capabilities;
    }

    @Override
    public ParameterSpace parameters() {
        return ParameterSpace.EMPTY;
    }

    @Override
    public FittedModel fit(FitRequest request) {
        throw new UnsupportedOperationException("rules never fit");
    }

    @Override
    public String toString() {
        return id;
    }
}
