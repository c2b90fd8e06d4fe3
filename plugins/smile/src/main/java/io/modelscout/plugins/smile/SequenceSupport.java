package io.modelscout.plugins.smile;

import io.modelscout.api.FitRequest;
import io.modelscout.api.FitRequest.SequenceFit;
import io.modelscout.api.SequenceTask;
import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.Sequences;
import java.util.Set;

/** Checks shared by the Smile sequence plugins. */
final class SequenceSupport {
    private SequenceSupport() {
    }

    /** The sequence part of a request, checked against the tasks a plugin serves. */
    static SequenceFit sequences(FitRequest request, String plugin, Set<SequenceTask> tasks) {
        SequenceFit fit = request.sequences().orElseThrow(() -> new IllegalArgumentException(
                plugin + " fits goal model-sequences only, got " + request.goal().id()));
        if (!tasks.contains(fit.task())) {
            throw new IllegalArgumentException(plugin + " does not serve sequence task '" + fit.task().id()
                    + "'; it serves " + tasks.stream().map(SequenceTask::id).sorted().toList());
        }
        return fit;
    }

    /** The per-position label codes of each sequence, refusing a missing label. */
    static int[][] labels(Sequences data) {
        CategoricalColumn labels = data.labels().orElseThrow();
        int[][] out = new int[data.count()][];
        for (int s = 0; s < out.length; s++) {
            out[s] = new int[data.length(s)];
            for (int t = 0; t < out[s].length; t++) {
                int row = data.start(s) + t;
                int code = labels.code(row);
                if (code == CategoricalColumn.MISSING) {
                    throw new IllegalArgumentException("label '" + labels.name() + "', row " + row
                            + ": missing; every position needs its label");
                }
                out[s][t] = code;
            }
        }
        return out;
    }

    /** The class code of each sequence, refusing a missing class. */
    static int[] classes(Sequences data) {
        int[] out = data.classes().orElseThrow().toCodes();
        for (int i = 0; i < out.length; i++) {
            if (out[i] == CategoricalColumn.MISSING) {
                throw new IllegalArgumentException("sequence " + i + " has no class");
            }
        }
        return out;
    }
}
