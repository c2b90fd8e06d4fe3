package io.modelscout.plugins.smile;

import com.google.inject.AbstractModule;
import io.modelscout.api.Plugins;

/** Binds the adapters over Smile; listed for {@link java.util.ServiceLoader} as a {@code com.google.inject.Module}. */
public final class SmileModule extends AbstractModule {

    /** Creates the module; it holds no state. */
    public SmileModule() {
    }

    @Override
    protected void configure() {
        Plugins.bind(binder(), LogisticRegressionPlugin.class);
        Plugins.bind(binder(), RandomForestPlugin.class);
        Plugins.bind(binder(), KnnPlugin.class);
        Plugins.bind(binder(), DecisionTreePlugin.class);
        Plugins.bind(binder(), GradientBoostingPlugin.class);
        Plugins.bind(binder(), SvmPlugin.class);
        Plugins.bind(binder(), NaiveBayesPlugin.class);
        Plugins.bind(binder(), OlsPlugin.class);
        Plugins.bind(binder(), RidgePlugin.class);
        Plugins.bind(binder(), LdaPlugin.class);
        Plugins.bind(binder(), QdaPlugin.class);
        Plugins.bind(binder(), GaussianMixturePlugin.class);
        Plugins.bind(binder(), MlpPlugin.class);
        Plugins.bind(binder(), SvrPlugin.class);
        Plugins.bind(binder(), LinearSvmPlugin.class);
        Plugins.bind(binder(), LassoPlugin.class);
    }
}
