package org.example.bad;

import com.google.inject.AbstractModule;
import io.modelscout.api.Plugins;

/** A plugin whose id is not lower-case dotted words. */
public final class MalformedModule extends AbstractModule {
    @Override
    protected void configure() {
        Plugins.bind(binder(), Malformed.class);
    }

    public static final class Malformed extends BadPlugin {
        public Malformed() {
            super("My Model");
        }
    }
}
