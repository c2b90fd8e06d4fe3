package io.modelscout.plugins.core.synthesis;

import io.modelscout.api.data.Table;
import io.modelscout.api.model.Generator;
import io.modelscout.plugins.core.nn.Activation;
import io.modelscout.plugins.core.nn.Adam;
import io.modelscout.plugins.core.nn.Batches;
import io.modelscout.plugins.core.nn.Block;
import io.modelscout.plugins.core.nn.Losses;
import io.modelscout.plugins.core.nn.Network;
import io.modelscout.plugins.core.nn.Param;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A tabular variational autoencoder in the manner of TVAE (Xu et al., 2019): an encoder MLP gives the mean and log
 * variance of a Gaussian code, a decoder MLP gives back the encoded row. The loss is the reconstruction (Gaussian
 * with a learnt spread per scalar, cross-entropy per one-hot block) plus the KL divergence of the code from the
 * standard normal. Sampling decodes draws from the prior.
 */
final class Tvae {

    /**
     * The training settings.
     *
     * @param epochs the epochs asked for
     * @param batchSize rows per step
     * @param hiddenWidth width of each hidden layer
     * @param hiddenLayers hidden layers in the encoder and in the decoder
     * @param embedding width of the code
     * @param learningRate Adam's learning rate
     * @param encoding how numeric columns are encoded
     * @param maxModes the most mixture modes per numeric column
     * @param budget the epoch budget in million encoded cells
     */
    record Settings(int epochs, int batchSize, int hiddenWidth, int hiddenLayers, int embedding,
                    double learningRate, TabularEncoder.NumericEncoding encoding, int maxModes, int budget) {
    }

    private static final String NAME = "core.tvae";
    private static final double LOSS_FACTOR = 2;
    private static final double L2 = 1e-5;

    private Tvae() {
    }

    static Generator fit(Table table, Settings settings, long seed) {
        var root = new SplittableRandom(seed);
        var encoder = TabularEncoder.fit(table, settings.encoding(), settings.maxModes());
        double[] data = encoder.encode(table, root.split());
        int n = table.rowCount();
        int d = encoder.width();
        if (n < 2 || d == 0) {
            throw new IllegalArgumentException(NAME + " needs at least 2 rows and one column with values, got " + n
                    + " rows and encoded width " + d);
        }
        int emb = settings.embedding();
        int[] hidden = new int[settings.hiddenLayers()];
        java.util.Arrays.fill(hidden, settings.hiddenWidth());
        var init = root.split();
        var enc = new Network(Network.mlp(d, hidden, 2 * emb, Activation.Kind.RELU, 0, init));
        var dec = new Network(Network.mlp(emb, hidden, d, Activation.Kind.RELU, 0, init));
        var sigma = new Param(d);
        java.util.Arrays.fill(sigma.value(), 0.1);
        var params = new ArrayList<Param>(enc.params());
        params.addAll(dec.params());
        params.add(sigma);
        var adam = new Adam(params, settings.learningRate(), 0.9, 0.999, L2);

        int[] scalars = encoder.blocks().stream().filter(b -> !b.oneHot()).mapToInt(Block::start).toArray();
        int epochs = EpochBudget.epochs(settings.epochs(), n, d, settings.budget());
        int batch = Math.min(settings.batchSize(), n);
        double[] reconstruction = new double[epochs];
        double[] kl = new double[epochs];
        var random = root.split();
        for (int epoch = 0; epoch < epochs; epoch++) {
            int[] order = Batches.permutation(n, random);
            double recSum = 0;
            double klSum = 0;
            for (int from = 0; from < n; from += batch) {
                int rows = Math.min(batch, n - from);
                double[] x = Batches.gather(data, d, order, from, rows);
                double[] h = enc.forward(x, rows, random);
                double[] mu = new double[rows * emb];
                double[] logVar = new double[rows * emb];
                double[] eps = Batches.gaussian(rows * emb, random);
                double[] z = new double[rows * emb];
                for (int r = 0; r < rows; r++) {
                    for (int k = 0; k < emb; k++) {
                        mu[r * emb + k] = h[r * 2 * emb + k];
                        logVar[r * emb + k] = h[r * 2 * emb + emb + k];
                        z[r * emb + k] = mu[r * emb + k] + eps[r * emb + k] * Math.exp(0.5 * logVar[r * emb + k]);
                    }
                }
                double[] raw = dec.forward(z, rows, random);
                double[] gradRaw = new double[rows * d];
                double scale = LOSS_FACTOR / rows;
                double rec = reconstructionLoss(encoder, raw, x, rows, d, scalars, sigma, gradRaw, scale);
                double[] gradMu = new double[rows * emb];
                double[] gradLogVar = new double[rows * emb];
                double klLoss = Losses.klStandardNormal(mu, logVar, gradMu, gradLogVar, 1.0 / rows);
                Losses.requireFinite(NAME, epoch + 1, "reconstruction", rec);
                Losses.requireFinite(NAME, epoch + 1, "KL", klLoss);
                double[] gradZ = dec.backward(gradRaw, rows);
                double[] gradH = new double[rows * 2 * emb];
                for (int r = 0; r < rows; r++) {
                    for (int k = 0; k < emb; k++) {
                        int i = r * emb + k;
                        double std = Math.exp(0.5 * logVar[i]);
                        gradH[r * 2 * emb + k] = gradZ[i] + gradMu[i];
                        gradH[r * 2 * emb + emb + k] = gradZ[i] * eps[i] * 0.5 * std + gradLogVar[i];
                    }
                }
                enc.backward(gradH, rows);
                adam.step();
                double[] s = sigma.value();
                for (int k = 0; k < d; k++) {
                    s[k] = Math.clamp(s[k], 0.01, 1.0);
                }
                recSum += rec * rows / LOSS_FACTOR;
                klSum += klLoss * rows;
            }
            reconstruction[epoch] = recSum / n;
            kl[epoch] = klSum / n;
        }
        var curves = new LinkedHashMap<String, double[]>();
        curves.put("reconstruction", reconstruction);
        curves.put("kl", kl);
        String summary = "VAE, " + epochs + " epochs, encoded width " + d + ", code " + emb + ", hidden "
                + settings.hiddenLayers() + " x " + settings.hiddenWidth() + ", final reconstruction "
                + String.format(java.util.Locale.ROOT, "%.4g", reconstruction[epochs - 1]) + ", KL "
                + String.format(java.util.Locale.ROOT, "%.4g", kl[epochs - 1]);
        return new Model(encoder, dec, sigma.value().clone(), emb, curves, summary);
    }

    /** Gaussian NLL on the tanh of the scalar outputs, softmax cross-entropy on each one-hot block. */
    static double reconstructionLoss(TabularEncoder encoder, double[] raw, double[] x, int rows, int d,
                                     int[] scalars, Param sigma, double[] gradRaw, double scale) {
        double loss = 0;
        for (Block b : encoder.blocks()) {
            if (b.oneHot()) {
                loss += Losses.softmaxCrossEntropy(raw, x, rows, d, b.start(), b.width(), d, b.start(), gradRaw,
                        scale);
            }
        }
        int s = scalars.length;
        if (s > 0) {
            double[] mean = new double[rows * s];
            double[] target = new double[rows * s];
            double[] sig = new double[s];
            for (int k = 0; k < s; k++) {
                sig[k] = sigma.value()[scalars[k]];
            }
            for (int r = 0; r < rows; r++) {
                for (int k = 0; k < s; k++) {
                    mean[r * s + k] = Math.tanh(raw[r * d + scalars[k]]);
                    target[r * s + k] = x[r * d + scalars[k]];
                }
            }
            double[] gradMean = new double[rows * s];
            double[] gradSig = new double[s];
            loss += Losses.gaussianNll(mean, target, sig, rows, s, gradMean, gradSig, scale);
            for (int r = 0; r < rows; r++) {
                for (int k = 0; k < s; k++) {
                    double t = mean[r * s + k];
                    gradRaw[r * d + scalars[k]] += gradMean[r * s + k] * (1 - t * t);
                }
            }
            for (int k = 0; k < s; k++) {
                sigma.grad()[scalars[k]] += gradSig[k];
            }
        }
        return loss;
    }

    private static final class Model implements Generator {
        private static final int CHUNK = 1024;
        private final TabularEncoder encoder;
        private final Network decoder;
        private final double[] sigma;
        private final int embedding;
        private final Map<String, double[]> curves;
        private final String summary;

        Model(TabularEncoder encoder, Network decoder, double[] sigma, int embedding, Map<String, double[]> curves,
              String summary) {
            this.encoder = encoder;
            this.decoder = decoder;
            this.sigma = sigma;
            this.embedding = embedding;
            this.curves = curves;
            this.summary = summary;
        }

        @Override
        public synchronized Table sample(int rows, long seed) {
            if (rows < 0) {
                throw new IllegalArgumentException("rows must not be negative, got " + rows);
            }
            var random = new SplittableRandom(seed);
            int d = encoder.width();
            double[] all = new double[rows * d];
            for (int from = 0; from < rows; from += CHUNK) {
                int count = Math.min(CHUNK, rows - from);
                double[] z = Batches.gaussian(count * embedding, random);
                double[] raw = decoder.forward(z, count, null);
                double[] activated = encoder.sampleActivated(raw, count, sigma, random);
                System.arraycopy(activated, 0, all, from * d, count * d);
            }
            return encoder.decode(all, rows);
        }

        @Override
        public Map<String, double[]> trainingCurves() {
            var copy = new LinkedHashMap<String, double[]>();
            curves.forEach((k, v) -> copy.put(k, v.clone()));
            return copy;
        }

        @Override
        public String summary() {
            return summary;
        }
    }
}
