package org.example.bad;

import com.google.inject.AbstractModule;
import io.modelscout.api.FitRequest;
import io.modelscout.api.Plugins;
import io.modelscout.api.model.FittedModel;

/**
 * A plugin that reaches for a library ModelScout uses but does not share, Smile, through the thread's context class
 * loader, which while it fits is its own: the class is not found.
 */
public final class PeekingModule extends AbstractModule {
    @Override
    protected void configure() {
        Plugins.bind(binder(), Peeking.class);
    }

    public static final class Peeking extends BadPlugin {
        public Peeking() {
            super("bad.peeking");
        }

        @Override
        public FittedModel fit(FitRequest request) throws Exception {
            ClassLoader context = Thread.currentThread().getContextClassLoader();
            if (context != Peeking.class.getClassLoader()) {
                throw new IllegalStateException("the context class loader is not the plugin's own: " + context);
            }
            Class.forName("smile.classification.KNN", false, context);
            return super.fit(request);
        }
    }
}
