package org.example.bad;

import com.google.inject.AbstractModule;
import io.modelscout.api.Capability;
import io.modelscout.api.Family;
import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.ParameterSpace;
import io.modelscout.api.Plugins;
import io.modelscout.api.model.FittedModel;
import java.util.Set;

/** A plugin that leaves apiVersion() to the interface's default, so its build version cannot be told. */
public final class UnversionedModule extends AbstractModule {
    @Override
    protected void configure() {
        Plugins.bind(binder(), Unversioned.class);
    }

    public static final class Unversioned implements ModelPlugin {
        private final ModelPlugin majority = new BadPlugin("bad.unversioned") { };

        @Override
        public String id() {
            return majority.id();
        }

        @Override
        public String displayName() {
            return majority.displayName();
        }

        @Override
        public String description() {
            return majority.description();
        }

        @Override
        public Family family() {
            return majority.family();
        }

        @Override
        public Set<Goal> goals() {
            return majority.goals();
        }

        @Override
        public Set<Capability> capabilities() {
            return majority.capabilities();
        }

        @Override
        public ParameterSpace parameters() {
            return majority.parameters();
        }

        @Override
        public FittedModel fit(FitRequest request) throws Exception {
            return majority.fit(request);
        }
    }
}
