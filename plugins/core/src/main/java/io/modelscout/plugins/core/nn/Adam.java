package io.modelscout.plugins.core.nn;

import java.util.List;

/** The Adam optimiser (Kingma and Ba), with an optional L2 term added to each gradient as PyTorch's {@code Adam} does. */
public final class Adam {
    private final List<Param> params;
    private final double rate;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double weightDecay;
    private final double[][] m;
    private final double[][] v;
    private int steps;

    /**
     * An optimiser over the given parameters.
     *
     * @param params the parameters it updates
     * @param rate the learning rate
     * @param beta1 the decay of the first-moment estimate, e.g. 0.9
     * @param beta2 the decay of the second-moment estimate, e.g. 0.999
     * @param weightDecay the L2 coefficient added to each gradient; 0 for none
     */
    public Adam(List<Param> params, double rate, double beta1, double beta2, double weightDecay) {
        this.params = List.copyOf(params);
        this.rate = rate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = 1e-8;
        this.weightDecay = weightDecay;
        this.m = new double[this.params.size()][];
        this.v = new double[this.params.size()][];
        for (int k = 0; k < this.params.size(); k++) {
            m[k] = new double[this.params.get(k).value().length];
            v[k] = new double[m[k].length];
        }
    }

    /** Updates every parameter from its accumulated gradient, then zeroes the gradients. */
    public void step() {
        steps++;
        double c1 = 1 - Math.pow(beta1, steps);
        double c2 = 1 - Math.pow(beta2, steps);
        for (int k = 0; k < params.size(); k++) {
            double[] w = params.get(k).value();
            double[] g = params.get(k).grad();
            double[] mk = m[k];
            double[] vk = v[k];
            for (int i = 0; i < w.length; i++) {
                double gi = g[i] + weightDecay * w[i];
                mk[i] = beta1 * mk[i] + (1 - beta1) * gi;
                vk[i] = beta2 * vk[i] + (1 - beta2) * gi * gi;
                w[i] -= rate * (mk[i] / c1) / (Math.sqrt(vk[i] / c2) + epsilon);
                g[i] = 0;
            }
        }
    }
}
