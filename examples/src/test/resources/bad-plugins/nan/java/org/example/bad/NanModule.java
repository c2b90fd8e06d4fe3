package org.example.bad;

import com.google.inject.AbstractModule;
import io.modelscout.api.Plugins;
import io.modelscout.api.model.ClassPrediction;

/** A plugin whose predictions are NaN. */
public final class NanModule extends AbstractModule {
    @Override
    protected void configure() {
        Plugins.bind(binder(), Nan.class);
    }

    public static final class Nan extends BadPlugin {
        public Nan() {
            super("bad.nan");
        }

        @Override
        protected ClassPrediction probabilities(ClassPrediction honest) {
            double[][] p = new double[honest.size()][];
            for (int i = 0; i < p.length; i++) {
                p[i] = new double[honest.probabilities()[i].length];
                java.util.Arrays.fill(p[i], Double.NaN);
            }
            return new ClassPrediction(honest.labels(), p);
        }
    }
}
