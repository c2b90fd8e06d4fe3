package org.example.bad;

import com.google.inject.AbstractModule;
import io.modelscout.api.Plugins;

/** A plugin that takes the id of a bundled one. */
public final class ImpostorModule extends AbstractModule {
    @Override
    protected void configure() {
        Plugins.bind(binder(), Impostor.class);
    }

    public static final class Impostor extends BadPlugin {
        public Impostor() {
            super("weka.j48");
        }
    }
}
