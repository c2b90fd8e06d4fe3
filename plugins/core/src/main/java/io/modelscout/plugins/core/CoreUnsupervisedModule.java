package io.modelscout.plugins.core;

import com.google.inject.AbstractModule;
import io.modelscout.api.Plugins;
import io.modelscout.plugins.core.unsupervised.IndependentMarginalsPlugin;
import io.modelscout.plugins.core.unsupervised.KdeCvPlugin;
import io.modelscout.plugins.core.unsupervised.KdeRulePlugin;
import io.modelscout.plugins.core.unsupervised.MixedMixturePlugin;

/** Binds the plugins of this backend that serve the goals cluster, detect-anomalies and estimate-density. */
public final class CoreUnsupervisedModule extends AbstractModule {
    @Override
    protected void configure() {
        Plugins.declare(binder());
        Plugins.bind(binder(), MixedMixturePlugin.class);
        Plugins.bind(binder(), KdeRulePlugin.class);
        Plugins.bind(binder(), KdeCvPlugin.class);
        Plugins.bind(binder(), IndependentMarginalsPlugin.class);
    }
}
