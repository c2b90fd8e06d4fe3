package io.modelscout.plugins.core.sequence;

import io.modelscout.api.FitRequest;
import io.modelscout.api.FitRequest.SequenceFit;
import io.modelscout.api.SequenceTask;
import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.NominalColumn;
import io.modelscout.api.data.Sequences;
import io.modelscout.api.data.Table;
import io.modelscout.api.model.ClassPrediction;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** What the sequence plugins share: checks of the request and the shapes, and Bayes' rule over sequences. */
final class SequenceInputs {
    private SequenceInputs() {
    }

    /**
     * The sequence part of a request, checked against the tasks a plugin serves.
     */
    static SequenceFit sequences(FitRequest request, String plugin, Set<SequenceTask> tasks) {
        SequenceFit fit = request.sequences().orElseThrow(() -> new IllegalArgumentException(
                plugin + " fits goal model-sequences only, got " + request.goal().id()));
        if (!tasks.contains(fit.task())) {
            throw new IllegalArgumentException(plugin + " does not serve sequence task '" + fit.task().id()
                    + "'; it serves " + tasks.stream().map(SequenceTask::id).sorted().toList());
        }
        return fit;
    }

    /** The single nominal column of symbols a symbol model takes. */
    static CategoricalColumn symbolColumn(Table positions, String plugin) {
        if (positions.columnCount() != 1 || !(positions.column(0) instanceof CategoricalColumn symbols)) {
            throw new IllegalArgumentException(plugin + " takes one nominal column of symbols per position, got "
                    + positions.columns().stream().map(c -> c.name() + " (" + c.kind() + ")").toList());
        }
        return symbols;
    }

    /** The symbol codes of each sequence, refusing missing cells. */
    static int[][] symbolSequences(Sequences sequences, CategoricalColumn symbols) {
        int[][] out = new int[sequences.count()][];
        for (int s = 0; s < out.length; s++) {
            out[s] = new int[sequences.length(s)];
            for (int t = 0; t < out[s].length; t++) {
                int row = sequences.start(s) + t;
                int code = symbols.code(row);
                if (code == CategoricalColumn.MISSING) {
                    throw new IllegalArgumentException("column '" + symbols.name() + "', row " + row
                            + ": a missing symbol");
                }
                out[s][t] = code;
            }
        }
        return out;
    }

    /** Symbol codes of a sequence to predict, checked against the fitted alphabet. */
    static int[][] symbolSequences(Sequences sequences, String column, int levels, String plugin) {
        CategoricalColumn symbols = symbolColumn(sequences.positions(), plugin);
        if (!symbols.name().equals(column) || symbols.levels().size() != levels) {
            throw new IllegalArgumentException("expected the nominal column '" + column + "' of " + levels
                    + " levels, got '" + symbols.name() + "' of " + symbols.levels().size());
        }
        return symbolSequences(sequences, symbols);
    }

    /** A table of one nominal column holding drawn symbols. */
    static Table symbolTable(String column, List<String> levels, int[] codes) {
        return new Table("continuation", List.of(NominalColumn.of(column, levels, codes)));
    }

    /** The class codes of each sequence, refusing a missing class. */
    static int[] classes(CategoricalColumn classes) {
        int[] out = classes.toCodes();
        for (int i = 0; i < out.length; i++) {
            if (out[i] == CategoricalColumn.MISSING) {
                throw new IllegalArgumentException("sequence " + i + " has no class");
            }
        }
        return out;
    }

    /** Indices of the sequences of each class. */
    static int[][] byClass(int[] classes, int levels) {
        int[] counts = new int[levels];
        for (int c : classes) {
            counts[c]++;
        }
        int[][] out = new int[levels][];
        for (int k = 0; k < levels; k++) {
            out[k] = new int[counts[k]];
        }
        int[] filled = new int[levels];
        for (int i = 0; i < classes.length; i++) {
            out[classes[i]][filled[classes[i]]++] = i;
        }
        return out;
    }

    /**
     * Bayes' rule: class posteriors from log priors plus log-likelihoods; a class with no prior gets probability 0.
     *
     * @param logJoint per sequence and class, log p(class) + log p(sequence | class); minus infinity for absent classes
     */
    static ClassPrediction bayes(double[][] logJoint) {
        double[][] p = new double[logJoint.length][];
        for (int i = 0; i < p.length; i++) {
            double max = Arrays.stream(logJoint[i]).max().orElseThrow();
            p[i] = new double[logJoint[i].length];
            double sum = 0;
            for (int k = 0; k < p[i].length; k++) {
                p[i][k] = Double.isFinite(logJoint[i][k]) ? Math.exp(logJoint[i][k] - max) : 0;
                sum += p[i][k];
            }
            for (int k = 0; k < p[i].length; k++) {
                p[i][k] /= sum;
            }
        }
        return ClassPrediction.fromProbabilities(p);
    }

    /** The log of each class's share of the training sequences (minus infinity for an absent class). */
    static double[] logPriors(int[][] byClass, int total) {
        double[] out = new double[byClass.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = byClass[k].length == 0 ? Double.NEGATIVE_INFINITY : Math.log(byClass[k].length / (double) total);
        }
        return out;
    }
}
