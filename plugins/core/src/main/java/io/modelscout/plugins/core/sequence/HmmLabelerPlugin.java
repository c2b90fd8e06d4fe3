package io.modelscout.plugins.core.sequence;

import io.modelscout.api.Capability;
import io.modelscout.api.Family;
import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.HyperParameter.ChoiceParam;
import io.modelscout.api.HyperParameter.RealParam;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.ParameterSpace;
import io.modelscout.api.SequenceTask;
import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.Sequences;
import io.modelscout.api.model.FittedModel;
import io.modelscout.api.model.SequenceModel;
import io.modelscout.plugins.core.hmm.Emission;
import io.modelscout.plugins.core.hmm.Hmm;
import io.modelscout.plugins.core.hmm.Observations;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A supervised HMM whose hidden states are the position labels: initial, transition and emission tables estimated by
 * counting with additive smoothing, decoding by posterior (forward-backward, the label of highest marginal at each
 * position) or Viterbi (the single most probable label path). The emissions use every feature column as it is: a
 * product of Bernoulli distributions over sparse binary features, a categorical distribution per nominal column, or
 * a diagonal Gaussian over numeric columns.
 */
public final class HmmLabelerPlugin implements ModelPlugin {
    private static final ParameterSpace PARAMETERS = ParameterSpace.of(
            new RealParam("smoothing", "Pseudo-count added to every transition and emission count (Laplace at 1).",
                    1.0, 1e-4, 100, true),
            new ChoiceParam("decoding", "posterior: the most probable label at each position (fewest position "
                    + "errors); viterbi: the most probable label sequence as a whole.", "posterior",
                    List.of("posterior", "viterbi")));
    private static final Set<Capability> CAPABILITIES = Collections.unmodifiableSet(EnumSet.of(Capability.GENERATIVE,
            Capability.SEQUENTIAL, Capability.LABELS_POSITIONS, Capability.PROBABILISTIC, Capability.NOMINAL_FEATURES,
            Capability.INTERPRETABLE));

    /** Creates the plugin; it holds no state. */
    public HmmLabelerPlugin() {
    }

    @Override
    public String id() {
        return "core.hmm-labeler";
    }

    @Override
    public String displayName() {
        return "HMM labeller, multi-feature emissions (in-house)";
    }

    @Override
    public String description() {
        return "A hidden Markov model whose states are the labels, estimated by counting; each label emits all the "
                + "position's features (independent Bernoulli or categorical per column, or Gaussian), so feature "
                + "sets are used without collapsing them into one symbol.";
    }

    @Override
    public Family family() {
        return Family.GENERATIVE;
    }

    @Override
    public Set<Goal> goals() {
        return Set.of(Goal.MODEL_SEQUENCES);
    }

    @Override
    public Set<Capability> capabilities() {
        return CAPABILITIES;
    }

    @Override
    public ParameterSpace parameters() {
        return PARAMETERS;
    }

    @Override
    public FittedModel fit(FitRequest request) {
        var fit = SequenceInputs.sequences(request, id(), Set.of(SequenceTask.LABEL));
        Sequences data = fit.data();
        CategoricalColumn labels = data.labels().orElseThrow();
        double smoothing = request.parameters().getDouble("smoothing");
        boolean viterbi = request.parameters().getString("decoding").equals("viterbi");
        var layout = Observations.Layout.of(data.positions());
        Observations observations = layout.encode(data);
        int states = labels.levels().size();
        double[] initial = new double[states];
        double[][] transition = new double[states][states];
        var emission = Emission.empty(layout, states).accumulator(smoothing);
        for (int s = 0; s < data.count(); s++) {
            int length = data.length(s);
            double[][] gamma = new double[length][states];
            int previous = -1;
            for (int t = 0; t < length; t++) {
                int row = data.start(s) + t;
                int label = labels.code(row);
                if (label == CategoricalColumn.MISSING) {
                    throw new IllegalArgumentException("label '" + labels.name() + "', row " + row
                            + ": missing; every position needs its label");
                }
                gamma[t][label] = 1;
                if (t == 0) {
                    initial[label]++;
                } else {
                    transition[previous][label]++;
                }
                previous = label;
            }
            emission.add(observations, s, gamma);
        }
        Hmm hmm = new Hmm(smooth(initial, smoothing), smoothRows(transition, smoothing), emission.estimate());
        return new Labeler(hmm, layout, viterbi);
    }

    private static double[] smooth(double[] counts, double pseudo) {
        double total = 0;
        for (double c : counts) {
            total += c + pseudo;
        }
        double[] out = new double[counts.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (counts[i] + pseudo) / total;
        }
        return out;
    }

    private static double[][] smoothRows(double[][] counts, double pseudo) {
        double[][] out = new double[counts.length][];
        for (int i = 0; i < out.length; i++) {
            out[i] = smooth(counts[i], pseudo);
        }
        return out;
    }

    private record Labeler(Hmm hmm, Observations.Layout layout, boolean viterbi) implements SequenceModel {
        @Override
        public int[] label(Sequences sequences) {
            Observations observations = layout.encode(sequences);
            int[] out = new int[sequences.positions().rowCount()];
            for (int s = 0; s < sequences.count(); s++) {
                int[] path = viterbi ? hmm.viterbi(observations, s) : hmm.posteriorDecode(observations, s);
                System.arraycopy(path, 0, out, sequences.start(s), path.length);
            }
            return out;
        }

        @Override
        public double[] logLikelihood(Sequences sequences) {
            Observations observations = layout.encode(sequences);
            double[] out = new double[sequences.count()];
            for (int s = 0; s < out.length; s++) {
                out[s] = hmm.logLikelihood(observations, s);
            }
            return out;
        }

        @Override
        public Optional<double[][]> transitionMatrix() {
            return Optional.of(hmm.transition());
        }

        @Override
        public String summary() {
            return "supervised " + hmm + ", " + (viterbi ? "Viterbi" : "posterior") + " decoding";
        }
    }
}
