package io.modelscout.plugins.core;

import java.util.Arrays;

/**
 * Limited-memory BFGS with a backtracking (Armijo) line search, for smooth objectives of a few hundred
 * parameters. Deterministic: the same objective and start give the same answer on every machine thread count.
 */
final class Lbfgs {
    private static final int MEMORY = 10;
    private static final double ARMIJO = 1e-4;
    private static final int MAX_HALVINGS = 60;

    /** A smooth objective: fills the gradient at {@code x} and returns the value. */
    @FunctionalInterface
    interface Objective {
        double evaluate(double[] x, double[] gradient);
    }

    /**
     * The outcome of a minimisation.
     *
     * @param x the last point
     * @param value the objective there
     * @param iterations the iterations taken
     * @param converged whether a stopping test (small gradient or small change) was met before the limit
     */
    record Result(double[] x, double value, int iterations, boolean converged) {
    }

    private Lbfgs() {
    }

    /**
     * Minimises from a start point.
     *
     * @param objective the function and its gradient
     * @param start the first point; not changed
     * @param maxIterations the iteration limit
     * @param gradientTolerance stop when the largest gradient component falls below this
     * @return the result
     */
    static Result minimise(Objective objective, double[] start, int maxIterations, double gradientTolerance) {
        int d = start.length;
        double[] x = start.clone();
        double[] g = new double[d];
        double f = objective.evaluate(x, g);
        if (!Double.isFinite(f)) {
            throw new IllegalStateException("the objective is not finite at the start point");
        }
        double[][] s = new double[MEMORY][];
        double[][] y = new double[MEMORY][];
        double[] rho = new double[MEMORY];
        double[] alpha = new double[MEMORY];
        int stored = 0;
        int newest = -1;
        double[] direction = new double[d];
        double[] next = new double[d];
        double[] nextGradient = new double[d];
        int iteration = 0;
        while (iteration < maxIterations) {
            if (maxAbs(g) < gradientTolerance) {
                return new Result(x, f, iteration, true);
            }
            iteration++;
            // two-loop recursion: direction = -H g
            for (int j = 0; j < d; j++) {
                direction[j] = -g[j];
            }
            for (int m = 0; m < stored; m++) {
                int k = Math.floorMod(newest - m, MEMORY);
                alpha[k] = rho[k] * dot(s[k], direction);
                axpy(-alpha[k], y[k], direction);
            }
            if (stored > 0) {
                double gamma = dot(s[newest], y[newest]) / dot(y[newest], y[newest]);
                for (int j = 0; j < d; j++) {
                    direction[j] *= gamma;
                }
            }
            for (int m = stored - 1; m >= 0; m--) {
                int k = Math.floorMod(newest - m, MEMORY);
                double beta = rho[k] * dot(y[k], direction);
                axpy(alpha[k] - beta, s[k], direction);
            }
            double slope = dot(g, direction);
            if (!(slope < 0)) {
                // not a descent direction (curvature information gone stale): restart from steepest descent
                stored = 0;
                for (int j = 0; j < d; j++) {
                    direction[j] = -g[j];
                }
                slope = dot(g, direction);
            }
            double step = stored == 0 ? Math.min(1.0, 1.0 / Math.sqrt(-slope)) : 1.0;
            double nextValue = Double.NaN;
            boolean accepted = false;
            for (int h = 0; h < MAX_HALVINGS; h++) {
                for (int j = 0; j < d; j++) {
                    next[j] = x[j] + step * direction[j];
                }
                nextValue = objective.evaluate(next, nextGradient);
                if (Double.isFinite(nextValue) && nextValue <= f + ARMIJO * step * slope) {
                    accepted = true;
                    break;
                }
                step *= 0.5;
            }
            if (!accepted) {
                // no decrease along a descent direction: we are at the limit of floating-point precision
                return new Result(x, f, iteration, true);
            }
            double[] sNew = new double[d];
            double[] yNew = new double[d];
            for (int j = 0; j < d; j++) {
                sNew[j] = next[j] - x[j];
                yNew[j] = nextGradient[j] - g[j];
            }
            double sy = dot(sNew, yNew);
            if (sy > 1e-12 * Math.sqrt(dot(sNew, sNew) * dot(yNew, yNew))) {
                newest = (newest + 1) % MEMORY;
                s[newest] = sNew;
                y[newest] = yNew;
                rho[newest] = 1.0 / sy;
                stored = Math.min(stored + 1, MEMORY);
            }
            double change = f - nextValue;
            System.arraycopy(next, 0, x, 0, d);
            System.arraycopy(nextGradient, 0, g, 0, d);
            f = nextValue;
            if (change <= 1e-12 * Math.max(1.0, Math.abs(f))) {
                return new Result(x, f, iteration, true);
            }
        }
        return new Result(x, f, iteration, maxAbs(g) < gradientTolerance);
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
    }

    private static double maxAbs(double[] v) {
        return Arrays.stream(v).map(Math::abs).max().orElse(0);
    }
}
