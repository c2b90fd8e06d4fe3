package io.modelscout.plugins.core.unsupervised;

import io.modelscout.api.Capability;
import io.modelscout.api.Family;
import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.HyperParameter.ChoiceParam;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.ParameterSpace;
import io.modelscout.api.model.FittedModel;
import java.util.List;
import java.util.Set;

/**
 * Kernel density estimation with product Gaussian kernels on numeric columns, one bandwidth per column by a
 * normal-reference rule ({@link Bandwidths#rule}): Silverman's or Scott's, on a robust spread of the column. Works on
 * the columns as given: the bandwidths follow each column's scale, so the density needs no standardisation.
 */
public final class KdeRulePlugin implements ModelPlugin {
    private static final ParameterSpace PARAMETERS = ParameterSpace.of(new ChoiceParam("rule",
            "Bandwidth rule: Silverman's or Scott's normal-reference rule (Scott's is slightly wider).", "silverman",
            List.of("silverman", "scott")));

    /** Creates the plugin; it holds no state. */
    public KdeRulePlugin() {
    }

    @Override
    public String id() {
        return "core.kde-rule";
    }

    @Override
    public String displayName() {
        return "Kernel density, rule-of-thumb bandwidth";
    }

    @Override
    public String description() {
        return "A kernel density estimate with product Gaussian kernels, bandwidths by Silverman's or Scott's rule: "
                + "no shape assumed, smooth, good in few dimensions; oversmooths multi-modal data.";
    }

    @Override
    public Family family() {
        return Family.GENERATIVE;
    }

    @Override
    public Set<Goal> goals() {
        return Set.of(Goal.DETECT_ANOMALIES, Goal.ESTIMATE_DENSITY);
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.GENERATIVE, Capability.PROBABILISTIC, Capability.UNSUPERVISED,
                Capability.SAMPLES_NEW_DATA);
    }

    @Override
    public ParameterSpace parameters() {
        return PARAMETERS;
    }

    @Override
    public FittedModel fit(FitRequest request) {
        var columns = Columns.of(request.features(), id(), false);
        double[][] x = KdeCvPlugin.complete(request.features(), id());
        boolean silverman = "silverman".equals(request.parameters().getString("rule"));
        double[] h = Bandwidths.rule(x, silverman);
        return new KernelDensity(id(), columns, x, h, "Kernel density over " + x.length + " rows, bandwidths by "
                + (silverman ? "Silverman's" : "Scott's") + " rule: " + KdeCvPlugin.describe(columns, h));
    }
}
