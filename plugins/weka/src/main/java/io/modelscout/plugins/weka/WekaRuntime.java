package io.modelscout.plugins.weka;

/**
 * Process-wide defaults Weka reads once, when its package manager first loads (any classifier triggers that).
 *
 * <p>Weka's matrix library asks netlib-java for native BLAS, LAPACK and ARPACK, fails on a machine without them,
 * logs a warning for each and falls back to the pure-Java F2j versions. Naming F2j up front gives the same
 * arithmetic without the noise on stderr. A value the launcher set (e.g. {@code -Dcom.github.fommil.netlib.BLAS=...}
 * for a native library) is left alone.
 *
 * <p>Weka also creates {@code $WEKA_HOME} (environment variable or system property, else {@code ~/wekafiles});
 * where that is belongs to the launcher, so it is not decided here.
 */
final class WekaRuntime {
    private static final String NETLIB = "com.github.fommil.netlib.";

    static {
        for (String library : new String[] {"BLAS", "LAPACK", "ARPACK"}) {
            if (System.getProperty(NETLIB + library) == null) {
                System.setProperty(NETLIB + library, NETLIB + "F2j" + library);
            }
        }
    }

    private WekaRuntime() {
    }

    /** Makes sure the defaults are in place; call before touching any Weka class. */
    static void prepare() {
        // The work is done once, by the class initialiser, which the JVM runs thread-safely on first call.
    }
}
