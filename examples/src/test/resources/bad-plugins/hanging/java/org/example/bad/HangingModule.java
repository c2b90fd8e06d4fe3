package org.example.bad;

import com.google.inject.AbstractModule;
import io.modelscout.api.FitRequest;
import io.modelscout.api.Plugins;
import io.modelscout.api.model.FittedModel;

/** A plugin whose fit never returns, and ignores being interrupted. */
public final class HangingModule extends AbstractModule {
    @Override
    protected void configure() {
        Plugins.bind(binder(), Hanging.class);
    }

    public static final class Hanging extends BadPlugin {
        public Hanging() {
            super("bad.hanging");
        }

        @Override
        public FittedModel fit(FitRequest request) {
            while (true) {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    // keeps hanging, as a plugin stuck in a native call would
                }
            }
        }
    }
}
