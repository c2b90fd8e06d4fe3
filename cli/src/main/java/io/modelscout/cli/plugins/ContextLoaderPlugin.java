package io.modelscout.cli.plugins;

import static java.util.Objects.requireNonNull;

import io.modelscout.api.Capability;
import io.modelscout.api.Family;
import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.ParameterSpace;
import io.modelscout.api.data.Table;
import io.modelscout.api.model.ClassPrediction;
import io.modelscout.api.model.Classifier;
import io.modelscout.api.model.FittedModel;
import io.modelscout.api.model.Regressor;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * A plugin from a plugins folder, run with its own class loader as the thread's context class loader while it fits
 * and predicts. Libraries a plugin brings (service lookups, resource loading, reflection by name) often search the
 * context class loader, which on the evaluator's threads would otherwise be ModelScout's and would not see them.
 */
final class ContextLoaderPlugin implements ModelPlugin {
    private final ModelPlugin plugin;
    private final ClassLoader loader;

    ContextLoaderPlugin(ModelPlugin plugin, ClassLoader loader) {
        this.plugin = requireNonNull(plugin, "plugin is null");
        this.loader = requireNonNull(loader, "loader is null");
    }

    @Override
    public String id() {
        return plugin.id();
    }

    @Override
    public String displayName() {
        return plugin.displayName();
    }

    @Override
    public String description() {
        return plugin.description();
    }

    @Override
    public Family family() {
        return plugin.family();
    }

    @Override
    public Set<Goal> goals() {
        return plugin.goals();
    }

    @Override
    public Set<Capability> capabilities() {
        return plugin.capabilities();
    }

    @Override
    public ParameterSpace parameters() {
        return plugin.parameters();
    }

    @Override
    public String apiVersion() {
        return plugin.apiVersion();
    }

    @Override
    public FittedModel fit(FitRequest request) throws Exception {
        FittedModel model = within(() -> plugin.fit(request));
        // A model of the wrong kind is passed on as it is, so that the evaluator's message names its real class.
        if (request.goal() == Goal.CLASSIFY && model instanceof Classifier classifier) {
            return new ContextClassifier(classifier, loader);
        }
        if (request.goal() == Goal.REGRESS && model instanceof Regressor regressor) {
            return new ContextRegressor(regressor, loader);
        }
        return model;
    }

    private <T> T within(Callable<T> call) throws Exception {
        return within(loader, call);
    }

    private static <T> T within(ClassLoader loader, Callable<T> call) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return call.call();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static <T> T unchecked(ClassLoader loader, Callable<T> call) {
        try {
            return within(loader, call);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            // predict declares no checked exception; a sneaky one is reported like any other failure of the plugin
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return plugin.toString();
    }

    private record ContextClassifier(Classifier model, ClassLoader loader) implements Classifier {
        @Override
        public ClassPrediction predict(Table features) {
            return unchecked(loader, () -> model.predict(features));
        }

        @Override
        public String summary() {
            return unchecked(loader, model::summary);
        }
    }

    private record ContextRegressor(Regressor model, ClassLoader loader) implements Regressor {
        @Override
        public double[] predict(Table features) {
            return unchecked(loader, () -> model.predict(features));
        }

        @Override
        public String summary() {
            return unchecked(loader, model::summary);
        }
    }
}
