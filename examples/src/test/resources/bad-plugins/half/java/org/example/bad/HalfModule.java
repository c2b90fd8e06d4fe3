package org.example.bad;

import com.google.inject.AbstractModule;
import io.modelscout.api.Plugins;
import io.modelscout.api.model.ClassPrediction;

/** A plugin whose class probabilities sum to one half. */
public final class HalfModule extends AbstractModule {
    @Override
    protected void configure() {
        Plugins.bind(binder(), Half.class);
    }

    public static final class Half extends BadPlugin {
        public Half() {
            super("bad.half");
        }

        @Override
        protected ClassPrediction probabilities(ClassPrediction honest) {
            double[][] p = new double[honest.size()][];
            for (int i = 0; i < p.length; i++) {
                p[i] = honest.probabilities()[i].clone();
                for (int k = 0; k < p[i].length; k++) {
                    p[i][k] /= 2;
                }
            }
            return new ClassPrediction(honest.labels(), p);
        }
    }
}
