package io.modelscout.plugins.core;

import com.google.inject.AbstractModule;
import io.modelscout.api.Plugins;
import io.modelscout.plugins.core.sequence.HmmClassifierPlugin;
import io.modelscout.plugins.core.sequence.HmmLabelerPlugin;
import io.modelscout.plugins.core.sequence.HmmNextPlugin;
import io.modelscout.plugins.core.sequence.MarkovChainPlugin;

/** Binds the plugins of this backend that serve the goals model-sequences. */
public final class CoreSequenceModule extends AbstractModule {
    @Override
    protected void configure() {
        Plugins.bind(binder(), HmmLabelerPlugin.class);
        Plugins.bind(binder(), HmmClassifierPlugin.class);
        Plugins.bind(binder(), HmmNextPlugin.class);
        Plugins.bind(binder(), MarkovChainPlugin.Order1.class);
        Plugins.bind(binder(), MarkovChainPlugin.Order2.class);
        Plugins.bind(binder(), MarkovChainPlugin.Order3.class);
    }
}
