package org.example.bad;

import com.google.inject.AbstractModule;
import io.modelscout.api.Plugins;

/** A plugin built for a plugin API with another major version. */
public final class FutureModule extends AbstractModule {
    @Override
    protected void configure() {
        Plugins.bind(binder(), Future.class);
    }

    public static final class Future extends BadPlugin {
        public Future() {
            super("bad.future");
        }

        @Override
        public String apiVersion() {
            return "2.0";
        }
    }
}
