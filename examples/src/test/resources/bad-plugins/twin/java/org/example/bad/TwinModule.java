package org.example.bad;

import com.google.inject.AbstractModule;
import io.modelscout.api.Plugins;

/** A well-behaved plugin; the tests copy its jar, so that two jars offer the same id. */
public final class TwinModule extends AbstractModule {
    @Override
    protected void configure() {
        Plugins.bind(binder(), Twin.class);
    }

    public static final class Twin extends BadPlugin {
        public Twin() {
            super("bad.twin");
        }
    }
}
