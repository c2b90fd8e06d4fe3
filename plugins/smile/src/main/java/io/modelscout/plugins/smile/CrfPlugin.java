package io.modelscout.plugins.smile;

import io.modelscout.api.Capability;
import io.modelscout.api.Family;
import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.HyperParameter.ChoiceParam;
import io.modelscout.api.HyperParameter.IntParam;
import io.modelscout.api.HyperParameter.RealParam;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.ParameterSpace;
import io.modelscout.api.ParameterValues;
import io.modelscout.api.SequenceTask;
import io.modelscout.api.data.Sequences;
import io.modelscout.api.model.FittedModel;
import io.modelscout.api.model.SequenceModel;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import smile.data.Tuple;
import smile.sequence.CRF;

/**
 * Smile's conditional random field with gradient-tree-boosted potentials (Dietterich et al., 2008): each label's
 * potential is a sum of regression trees over the position's features and the previous label, grown by functional
 * gradient ascent of the conditional likelihood. The defaults are the options of Smile's own CRF figures
 * (100 trees, depth 20, 100 leaves, node size 5, shrinkage 0.3); the positions are encoded as Smile encodes its
 * sparse sequence files (see {@link SequenceTuples}). Training is deterministic: no random choice is made.
 */
public final class CrfPlugin implements ModelPlugin {
    private static final ParameterSpace PARAMETERS = ParameterSpace.of(
            new IntParam("ntrees", "Boosting iterations: trees per label potential.", 100, 1, 2_000, true),
            new IntParam("maxDepth", "Deepest a tree may grow.", 20, 2, 200, false),
            new IntParam("maxNodes", "Most leaves per tree.", 100, 2, 10_000, true),
            new IntParam("nodeSize", "Fewest training rows in a leaf.", 5, 1, 100, true),
            new RealParam("shrinkage", "Learning rate of the boosting, in (0, 1].", 0.3, 1e-3, 1, true),
            new ChoiceParam("decoding", "forward-backward: the label of highest marginal at each position (fewest "
                    + "position errors); viterbi: the most probable label sequence.", "forward-backward",
                    List.of("forward-backward", "viterbi")));
    private static final Set<Capability> CAPABILITIES = Collections.unmodifiableSet(EnumSet.of(Capability.SEQUENTIAL,
            Capability.LABELS_POSITIONS, Capability.NOMINAL_FEATURES));

    /** Creates the plugin; it holds no state. */
    public CrfPlugin() {
    }

    @Override
    public String id() {
        return "smile.crf";
    }

    @Override
    public String displayName() {
        return "Conditional random field, boosted trees (Smile)";
    }

    @Override
    public String description() {
        return "A linear-chain CRF whose potentials are gradient-boosted regression trees over the position's "
                + "features and the previous label; models the labels given the features, not the features.";
    }

    @Override
    public Family family() {
        return Family.DISCRIMINATIVE;
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
        var fit = SequenceSupport.sequences(request, id(), Set.of(SequenceTask.LABEL));
        Sequences data = fit.data();
        var encoder = SequenceTuples.fit(data.positions());
        Tuple[][] x = encoder.encode(data);
        int[][] y = SequenceSupport.labels(data);
        ParameterValues p = request.parameters();
        var options = new CRF.Options(p.getInt("ntrees"), p.getInt("maxDepth"), p.getInt("maxNodes"),
                p.getInt("nodeSize"), p.getDouble("shrinkage"));
        CRF model = CRF.fit(x, y, options);
        boolean viterbi = p.getString("decoding").equals("viterbi");
        return new Labeler(model, encoder, viterbi, options);
    }

    private record Labeler(CRF model, SequenceTuples encoder, boolean viterbi, CRF.Options options)
            implements SequenceModel {
        @Override
        public int[] label(Sequences sequences) {
            Tuple[][] x = encoder.encode(sequences);
            int[] out = new int[sequences.positions().rowCount()];
            for (int s = 0; s < x.length; s++) {
                int[] path = viterbi ? model.viterbi(x[s]) : model.predict(x[s]);
                System.arraycopy(path, 0, out, sequences.start(s), path.length);
            }
            return out;
        }

        @Override
        public String summary() {
            return "boosted-tree CRF: " + options.ntrees() + " trees per label, depth " + options.maxDepth() + ", "
                    + options.maxNodes() + " leaves, shrinkage " + options.shrinkage() + "; "
                    + encoder.attributes() + " attributes; " + (viterbi ? "Viterbi" : "forward-backward")
                    + " decoding";
        }
    }
}
