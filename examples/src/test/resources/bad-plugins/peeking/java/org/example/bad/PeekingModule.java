package org.example.bad;

import com.google.inject.AbstractModule;
import io.modelscout.api.FitRequest;
import io.modelscout.api.Plugins;
import io.modelscout.api.model.FittedModel;

/** A plugin that reaches for a library ModelScout uses but does not share: Smile. Its class loader hides it. */
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
            Class.forName("smile.classification.KNN", false, Peeking.class.getClassLoader());
            return super.fit(request);
        }
    }
}
