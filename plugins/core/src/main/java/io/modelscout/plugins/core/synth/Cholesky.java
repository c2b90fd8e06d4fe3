package io.modelscout.plugins.core.synth;

/** The Cholesky factor of a small symmetric matrix, for drawing correlated normal scores. */
final class Cholesky {
    private Cholesky() {
    }

    /**
     * The lower-triangular factor L with L L^T = a.
     *
     * @param a a symmetric matrix
     * @return the factor, or null when {@code a} is not positive definite
     */
    static double[][] factor(double[][] a) {
        int d = a.length;
        double[][] l = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (!(s > 1e-12)) {
                        return null;
                    }
                    l[i][i] = Math.sqrt(s);
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        return l;
    }

    /**
     * The factor of a positive semi-definite matrix, a growing ridge added to the diagonal until it factors: a
     * conditional covariance may be singular when a column is a function of the conditioning one.
     *
     * @param a a symmetric positive semi-definite matrix
     * @return the factor of {@code a} plus the smallest ridge that made it factor
     */
    static double[][] factorWithJitter(double[][] a) {
        int d = a.length;
        double ridge = 0;
        for (int attempt = 0; ; attempt++) {
            double[][] b = new double[d][];
            for (int i = 0; i < d; i++) {
                b[i] = a[i].clone();
                b[i][i] += ridge;
            }
            double[][] l = factor(b);
            if (l != null) {
                return l;
            }
            ridge = ridge == 0 ? 1e-9 : ridge * 10;
            if (attempt > 30) {
                throw new IllegalStateException("covariance does not factor even with a ridge of " + ridge);
            }
        }
    }
}
