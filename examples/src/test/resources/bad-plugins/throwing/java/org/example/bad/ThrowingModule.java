package org.example.bad;

import com.google.inject.AbstractModule;
import io.modelscout.api.FitRequest;
import io.modelscout.api.Plugins;
import io.modelscout.api.model.FittedModel;

/** A plugin whose fit always throws. */
public final class ThrowingModule extends AbstractModule {
    @Override
    protected void configure() {
        Plugins.bind(binder(), Throwing.class);
    }

    public static final class Throwing extends BadPlugin {
        public Throwing() {
            super("bad.throwing");
        }

        @Override
        public FittedModel fit(FitRequest request) {
            throw new IllegalStateException("the matrix is singular, on purpose");
        }
    }
}
