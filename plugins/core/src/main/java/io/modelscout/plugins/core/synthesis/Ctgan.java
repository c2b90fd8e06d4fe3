package io.modelscout.plugins.core.synthesis;

import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.Table;
import io.modelscout.api.model.Generator;
import io.modelscout.plugins.core.nn.Activation;
import io.modelscout.plugins.core.nn.Adam;
import io.modelscout.plugins.core.nn.Batches;
import io.modelscout.plugins.core.nn.Dense;
import io.modelscout.plugins.core.nn.Layer;
import io.modelscout.plugins.core.nn.Losses;
import io.modelscout.plugins.core.nn.Network;
import io.modelscout.plugins.core.nn.OutputHead;
import io.modelscout.plugins.core.nn.Residual;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A conditional tabular GAN in the manner of CTGAN (Xu et al., 2019). The generator maps noise and a conditional
 * vector (one level of one categorical column) to an encoded row, with Gumbel-softmax on one-hot blocks; the critic
 * sees packs of rows with their conditional vectors (PacGAN) and is trained with the Wasserstein loss and a gradient
 * penalty. Conditions are drawn by training-by-sampling: a categorical column uniformly, then a level with
 * probability proportional to the log of its frequency, so rare levels are trained on; the generator also pays a
 * cross-entropy for not producing the asked level.
 */
final class Ctgan {

    /**
     * The training settings.
     *
     * @param epochs the epochs asked for
     * @param batchSize rows per step, rounded down to a multiple of {@code pac}
     * @param hiddenWidth width of each hidden layer of generator and critic
     * @param hiddenLayers hidden layers of generator and of critic
     * @param embedding width of the generator's noise
     * @param learningRate Adam's learning rate for both networks
     * @param pac rows per critic pack
     * @param criticSteps critic updates per generator update
     * @param penalty the gradient-penalty weight
     * @param dropout the critic's dropout rate
     * @param encoding how numeric columns are encoded
     * @param maxModes the most mixture modes per numeric column
     * @param budget the epoch budget in million encoded cells
     */
    record Settings(int epochs, int batchSize, int hiddenWidth, int hiddenLayers, int embedding, double learningRate,
                    int pac, int criticSteps, double penalty, double dropout, TabularEncoder.NumericEncoding encoding, int maxModes,
                    int budget) {
    }

    private static final String NAME = "core.ctgan";
    private static final double TEMPERATURE = 0.2;
    private static final double WEIGHT_DECAY = 1e-6;

    private Ctgan() {
    }

    /** The conditional vectors: one block per categorical column, and the training rows of each level. */
    private static final class Conditions {
        final List<TabularEncoder.Discrete> columns;
        final int[] offsets;
        final int width;
        final double[][] logCdf;
        final double[][] cdf;
        final int[][][] rowsOf;

        Conditions(TabularEncoder encoder, Table table) {
            this.columns = encoder.discrete();
            this.offsets = new int[columns.size()];
            this.logCdf = new double[columns.size()][];
            this.cdf = new double[columns.size()][];
            this.rowsOf = new int[columns.size()][][];
            int at = 0;
            for (int j = 0; j < columns.size(); j++) {
                var discrete = columns.get(j);
                offsets[j] = at;
                at += discrete.levels();
                int[] counts = discrete.counts();
                logCdf[j] = cumulative(Arrays.stream(counts).mapToDouble(c -> Math.log1p(c)).toArray());
                cdf[j] = cumulative(Arrays.stream(counts).mapToDouble(c -> c).toArray());
                var column = (CategoricalColumn) table.column(discrete.column());
                int[][] rows = new int[discrete.levels()][];
                int[] fill = new int[discrete.levels()];
                for (int k = 0; k < rows.length; k++) {
                    rows[k] = new int[counts[k]];
                }
                for (int i = 0; i < table.rowCount(); i++) {
                    int code = column.code(i);
                    if (code != CategoricalColumn.MISSING) {
                        rows[code][fill[code]++] = i;
                    }
                }
                rowsOf[j] = rows;
            }
            this.width = at;
        }

        private static double[] cumulative(double[] weights) {
            double total = Arrays.stream(weights).sum();
            double[] out = new double[weights.length];
            double acc = 0;
            for (int k = 0; k < weights.length; k++) {
                acc += weights[k];
                out[k] = acc / total;
            }
            out[out.length - 1] = 1;
            return out;
        }

        static int draw(double[] cdf, SplittableRandom random) {
            double u = random.nextDouble();
            for (int k = 0; k < cdf.length; k++) {
                if (u < cdf[k]) {
                    return k;
                }
            }
            return cdf.length - 1;
        }
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
        var cond = new Conditions(encoder, table);
        int c = cond.width;
        int pac = n >= settings.pac() ? settings.pac() : 1;
        int batch = Math.max(pac, Math.min(settings.batchSize(), n) / pac * pac);
        int packs = batch / pac;
        int emb = settings.embedding();
        int[] hidden = new int[settings.hiddenLayers()];
        Arrays.fill(hidden, settings.hiddenWidth());
        var init = root.split();
        var body = generator(emb + c, hidden, d, init);
        var head = new OutputHead(encoder.blocks(), d, TEMPERATURE);
        var critic = new Network(Network.mlp((d + c) * pac, hidden, 1, Activation.Kind.LEAKY_RELU, settings.dropout(), init));
        var adamG = new Adam(body.params(), settings.learningRate(), 0.5, 0.9, WEIGHT_DECAY);
        var adamD = new Adam(critic.params(), settings.learningRate(), 0.5, 0.9, WEIGHT_DECAY);

        int epochs = EpochBudget.epochs(settings.epochs(), n, d + c, settings.budget());
        int steps = Math.max(1, n / batch);
        double[] generatorCurve = new double[epochs];
        double[] criticCurve = new double[epochs];
        var random = root.split();
        for (int epoch = 0; epoch < epochs; epoch++) {
            double gSum = 0;
            double dSum = 0;
            for (int step = 0; step < steps; step++) {
                for (int inner = 0; inner < settings.criticSteps(); inner++) {
                    double[] cv = new double[batch * c];
                    int[] chosen = new int[batch];
                    int[] rows = new int[batch];
                    drawConditions(cond, n, batch, random, cv, chosen, rows);
                    double[] real = Batches.concat(Batches.gather(data, d, rows, 0, batch), d, cv, c, batch);
                    double[] z = Batches.gaussian(batch * emb, random);
                    double[] raw = body.forward(Batches.concat(z, emb, cv, c, batch), batch, random);
                    double[] fake = Batches.concat(head.forward(raw, batch, random), d, cv, c, batch);
                    critic.zeroGrad();
                    double realScore = mean(critic.forward(real, packs, random));
                    critic.backward(filled(packs, -1.0 / packs), packs);
                    double fakeScore = mean(critic.forward(fake, packs, random));
                    critic.backward(filled(packs, 1.0 / packs), packs);
                    double penalty = gradientPenalty(critic, real, fake, packs, (d + c) * pac, settings.penalty(),
                            random);
                    double loss = fakeScore - realScore + penalty;
                    Losses.requireFinite(NAME, epoch + 1, "critic", loss);
                    adamD.step();
                    dSum += loss / settings.criticSteps();
                }
                double[] cv = new double[batch * c];
                int[] chosen = new int[batch];
                drawConditions(cond, n, batch, random, cv, chosen, null);
                double[] z = Batches.gaussian(batch * emb, random);
                double[] raw = body.forward(Batches.concat(z, emb, cv, c, batch), batch, random);
                double[] act = head.forward(raw, batch, random);
                double score = mean(critic.forward(Batches.concat(act, d, cv, c, batch), packs, random));
                double[] gradIn = critic.backward(filled(packs, -1.0 / packs), packs);
                double[] gradAct = new double[batch * d];
                for (int r = 0; r < batch; r++) {
                    System.arraycopy(gradIn, r * (d + c), gradAct, r * d, d);
                }
                double[] gradRaw = head.backward(gradAct, batch, true);
                double condLoss = conditionLoss(cond, raw, cv, chosen, batch, d, gradRaw);
                body.backward(gradRaw, batch);
                double loss = -score + condLoss;
                Losses.requireFinite(NAME, epoch + 1, "generator", loss);
                adamG.step();
                gSum += loss;
            }
            generatorCurve[epoch] = gSum / steps;
            criticCurve[epoch] = dSum / steps;
        }
        var curves = new LinkedHashMap<String, double[]>();
        curves.put("generator", generatorCurve);
        curves.put("critic", criticCurve);
        String summary = String.format(Locale.ROOT, "conditional WGAN-GP, %d epochs, encoded width %d, condition "
                        + "width %d, pac %d, hidden %d x %d, final generator loss %.4g, critic loss %.4g", epochs, d, c,
                pac, settings.hiddenLayers(), settings.hiddenWidth(), generatorCurve[epochs - 1],
                criticCurve[epochs - 1]);
        return new Model(encoder, cond, body, head, emb, curves, summary);
    }

    /** CTGAN's generator: residual blocks (dense, batch normalisation, ReLU, input appended), then a dense layer. */
    private static Network generator(int in, int[] hidden, int out, SplittableRandom random) {
        var layers = new ArrayList<Layer>();
        int width = in;
        for (int h : hidden) {
            var block = Residual.denseBatchNormRelu(width, h, random);
            layers.add(block);
            width = block.outputSize();
        }
        layers.add(new Dense(width, out, random));
        return new Network(layers);
    }

    /**
     * Draws a condition per row by training-by-sampling and, when {@code rows} is given, a training row matching it
     * (any row when the table has no categorical column).
     */
    private static void drawConditions(Conditions cond, int n, int batch, SplittableRandom random, double[] cv,
                                       int[] chosen, int[] rows) {
        int c = cond.width;
        for (int r = 0; r < batch; r++) {
            if (cond.columns.isEmpty()) {
                chosen[r] = -1;
                if (rows != null) {
                    rows[r] = random.nextInt(n);
                }
                continue;
            }
            int j = random.nextInt(cond.columns.size());
            int level = Conditions.draw(cond.logCdf[j], random);
            chosen[r] = j;
            cv[r * c + cond.offsets[j] + level] = 1;
            if (rows != null) {
                int[] candidates = cond.rowsOf[j][level];
                rows[r] = candidates[random.nextInt(candidates.length)];
            }
        }
    }

    /** Cross-entropy between the generator's logits of each row's conditioned column and the asked level. */
    private static double conditionLoss(Conditions cond, double[] raw, double[] cv, int[] chosen, int batch, int d,
                                        double[] gradRaw) {
        double loss = 0;
        int c = cond.width;
        for (int r = 0; r < batch; r++) {
            int j = chosen[r];
            if (j < 0) {
                continue;
            }
            var discrete = cond.columns.get(j);
            // One row at a time: the block's position differs from row to row.
            loss += Losses.softmaxCrossEntropy(raw, cv, 1, d, r * d + discrete.start(), discrete.levels(), c,
                    r * c + cond.offsets[j], gradRaw, 1.0 / batch);
        }
        return loss;
    }

    /**
     * Adds the gradient of {@code weight * mean_packs (||grad_x critic(x_hat)|| - 1)^2} at random interpolates of
     * real and fake packs to the critic's parameter gradients, and returns that penalty.
     */
    static double gradientPenalty(Network critic, double[] real, double[] fake, int packs, int width, double weight,
                                  SplittableRandom random) {
        double[] mixed = new double[packs * width];
        for (int p = 0; p < packs; p++) {
            double alpha = random.nextDouble();
            for (int k = p * width; k < (p + 1) * width; k++) {
                mixed[k] = alpha * real[k] + (1 - alpha) * fake[k];
            }
        }
        double[] g = critic.inputGradient(mixed, packs, random);
        double[] adjoint = new double[g.length];
        double penalty = 0;
        for (int p = 0; p < packs; p++) {
            double norm = 0;
            for (int k = p * width; k < (p + 1) * width; k++) {
                norm += g[k] * g[k];
            }
            norm = Math.sqrt(norm);
            penalty += (norm - 1) * (norm - 1);
            double factor = norm > 0 ? weight * 2 * (norm - 1) / (norm * packs) : 0;
            for (int k = p * width; k < (p + 1) * width; k++) {
                adjoint[k] = factor * g[k];
            }
        }
        critic.penaltyBackward(adjoint, packs);
        return weight * penalty / packs;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double[] filled(int n, double value) {
        double[] out = new double[n];
        Arrays.fill(out, value);
        return out;
    }

    private static final class Model implements Generator {
        private static final int CHUNK = 1000;
        private final TabularEncoder encoder;
        private final Conditions cond;
        private final Network body;
        private final OutputHead head;
        private final int embedding;
        private final Map<String, double[]> curves;
        private final String summary;

        Model(TabularEncoder encoder, Conditions cond, Network body, OutputHead head, int embedding,
              Map<String, double[]> curves, String summary) {
            this.encoder = encoder;
            this.cond = cond;
            this.body = body;
            this.head = head;
            this.embedding = embedding;
            this.curves = curves;
            this.summary = summary;
        }

        @Override
        public Table sample(int rows, long seed) {
            return generate(rows, seed, -1, -1);
        }

        /**
         * Generates with the conditional vector fixed to the level and keeps the rows whose generated level is the
         * asked one: the condition makes most rows match, and the rejection of the others keeps the remaining
         * columns consistent with the level.
         */
        @Override
        public Table sampleWhere(int rows, long seed, String column, String level) {
            java.util.Objects.requireNonNull(column, "column is null");
            java.util.Objects.requireNonNull(level, "level is null");
            int j = -1;
            for (int k = 0; k < cond.columns.size(); k++) {
                if (cond.columns.get(k).name().equals(column)) {
                    j = k;
                }
            }
            if (j < 0) {
                throw new IllegalArgumentException("column '" + column + "' is not a categorical column with values; "
                        + "categorical columns: " + String.join(", ", cond.columns.stream()
                                .map(TabularEncoder.Discrete::name).toList()));
            }
            var levels = levelsOf(column);
            int code = levels.indexOf(level);
            if (code < 0) {
                throw new IllegalArgumentException("column '" + column + "' has no level '" + level + "'; levels: "
                        + String.join(", ", levels));
            }
            if (rows <= 0) {
                return generate(rows, seed, j, code);
            }
            long limit = 1000L * rows;
            long batch = Math.max(2L * rows, 256);
            var kept = new ArrayList<Table>();
            int have = 0;
            long drawn = 0;
            for (int round = 0; have < rows; round++) {
                if (drawn >= limit) {
                    throw new IllegalArgumentException("level '" + level + "' of column '" + column + "' came out in "
                            + have + " of " + drawn + " rows generated for it; too rare to generate");
                }
                int size = (int) Math.min(batch, Math.min(limit - drawn, Integer.MAX_VALUE - 8));
                Table draw = generate(size, seed + 1_000_003L * round, j, code);
                drawn += size;
                var categorical = (CategoricalColumn) draw.column(column);
                int[] match = new int[size];
                int m = 0;
                for (int i = 0; i < size && have + m < rows; i++) {
                    if (categorical.code(i) == code) {
                        match[m++] = i;
                    }
                }
                kept.add(draw.select(Arrays.copyOf(match, m)));
                have += m;
                batch *= 2;
            }
            return concatenate(kept, rows);
        }

        private Table concatenate(List<Table> parts, int rows) {
            Table first = parts.getFirst();
            if (parts.size() == 1) {
                return first;
            }
            // Re-encoding would redraw mixture modes; joining decoded columns keeps the values as generated.
            var columns = new ArrayList<io.modelscout.api.data.Column>();
            for (int c = 0; c < first.columnCount(); c++) {
                switch (first.column(c)) {
                    case io.modelscout.api.data.NumericColumn numeric -> {
                        double[] values = new double[rows];
                        int at = 0;
                        for (Table part : parts) {
                            var col = (io.modelscout.api.data.NumericColumn) part.column(c);
                            for (int i = 0; i < part.rowCount(); i++) {
                                values[at++] = col.value(i);
                            }
                        }
                        columns.add(numeric.withValues(values));
                    }
                    case CategoricalColumn categorical -> {
                        int[] codes = new int[rows];
                        int at = 0;
                        for (Table part : parts) {
                            var col = (CategoricalColumn) part.column(c);
                            for (int i = 0; i < part.rowCount(); i++) {
                                codes[at++] = col.code(i);
                            }
                        }
                        columns.add(categorical.withCodes(codes));
                    }
                }
            }
            return new Table(first.name(), columns);
        }

        private List<String> levelsOf(String column) {
            Table probe = encoder.decode(new double[encoder.width()], 1);
            return ((CategoricalColumn) probe.column(column)).levels();
        }

        private synchronized Table generate(int rows, long seed, int column, int level) {
            if (rows < 0) {
                throw new IllegalArgumentException("rows must not be negative, got " + rows);
            }
            var random = new SplittableRandom(seed);
            int d = encoder.width();
            int c = cond.width;
            double[] all = new double[rows * d];
            for (int from = 0; from < rows; from += CHUNK) {
                int count = Math.min(CHUNK, rows - from);
                double[] cv = new double[count * c];
                for (int r = 0; r < count; r++) {
                    if (column >= 0) {
                        cv[r * c + cond.offsets[column] + level] = 1;
                    } else if (!cond.columns.isEmpty()) {
                        // Unconditional rows take conditions at the data's own frequencies, not the training ones.
                        int j = random.nextInt(cond.columns.size());
                        cv[r * c + cond.offsets[j] + Conditions.draw(cond.cdf[j], random)] = 1;
                    }
                }
                double[] z = Batches.gaussian(count * embedding, random);
                double[] raw = body.forward(Batches.concat(z, embedding, cv, c, count), count, random);
                double[] act = head.forward(raw, count, random);
                System.arraycopy(act, 0, all, from * d, count * d);
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
