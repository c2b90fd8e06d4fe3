package io.modelscout.selector.eval;

import java.nio.charset.StandardCharsets;

/** Derives independent seeds from the task seed and a name, so no seed depends on scheduling. */
public final class Seeds {
    private Seeds() {
    }

    /**
     * A seed for one purpose.
     *
     * @param seed the task seed
     * @param purpose what the seed is for, e.g. a candidate id
     * @param index a counter within the purpose, e.g. the split number
     * @return a well-mixed 64-bit seed
     */
    public static long mix(long seed, String purpose, long index) {
        long h = seed ^ 0x9E3779B97F4A7C15L;
        for (byte b : purpose.getBytes(StandardCharsets.UTF_8)) {
            h = murmur(h ^ b);
        }
        return murmur(h ^ murmur(index + 0x632BE59BD9B4E019L));
    }

    private static long murmur(long z) {
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }
}
