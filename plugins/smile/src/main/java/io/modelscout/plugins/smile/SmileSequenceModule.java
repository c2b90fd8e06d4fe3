package io.modelscout.plugins.smile;

import com.google.inject.AbstractModule;
import io.modelscout.api.Plugins;

/** Binds the plugins of this backend that serve the goals model-sequences. */
public final class SmileSequenceModule extends AbstractModule {
    @Override
    protected void configure() {
        Plugins.bind(binder(), CrfPlugin.class);
        Plugins.bind(binder(), HmmLabelerPlugin.class);
        Plugins.bind(binder(), WindowClassifierPlugin.Logistic.class);
        Plugins.bind(binder(), WindowClassifierPlugin.Forest.class);
        Plugins.bind(binder(), KmerClassifierPlugin.Logistic.class);
        Plugins.bind(binder(), KmerClassifierPlugin.Svm.class);
        Plugins.bind(binder(), KmerClassifierPlugin.Forest.class);
        Plugins.bind(binder(), DtwNearestNeighbourPlugin.class);
        Plugins.bind(binder(), NextSymbolLogisticPlugin.class);
    }
}
