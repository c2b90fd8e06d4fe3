package io.modelscout.selector.tune;

import io.modelscout.api.HyperParameter;
import io.modelscout.api.HyperParameter.ChoiceParam;
import io.modelscout.api.HyperParameter.FlagParam;
import io.modelscout.api.HyperParameter.IntParam;
import io.modelscout.api.HyperParameter.RealParam;
import io.modelscout.api.HyperParameter.TextParam;
import io.modelscout.api.ParameterSpace;
import io.modelscout.api.ParameterValues;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws configurations from a plugin's declared space: uniform within each range, log-uniform where the plugin
 * declares a log scale, one draw per parameter in declaration order, so a seed fixes every configuration.
 */
public final class ParameterSampler {
    /** Draws tried per wanted configuration before a small space is taken as exhausted. */
    private static final int ATTEMPTS_PER_CONFIGURATION = 50;

    private ParameterSampler() {
    }

    /**
     * Draws one configuration.
     *
     * @param space the declared space
     * @param random the source of randomness; advanced by one draw per parameter
     * @return complete values, checked by {@link ParameterSpace#resolve}
     */
    public static ParameterValues draw(ParameterSpace space, SplittableRandom random) {
        var values = new LinkedHashMap<String, Object>();
        for (HyperParameter parameter : space.parameters()) {
            values.put(parameter.name(), draw(parameter, random));
        }
        return space.resolve(values);
    }

    /**
     * The configurations a search tries: the defaults first, then distinct draws until {@code count} are found or
     * the space turns out smaller than that (a few flags and choices).
     *
     * @param space the declared space
     * @param count how many configurations are wanted, at least 1
     * @param random the source of randomness
     * @return at most {@code count} distinct configurations, the defaults first
     */
    public static List<ParameterValues> configurations(ParameterSpace space, int count, SplittableRandom random) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, got " + count);
        }
        var out = new ArrayList<ParameterValues>(count);
        var seen = new HashSet<ParameterValues>();
        ParameterValues defaults = space.defaults();
        out.add(defaults);
        seen.add(defaults);
        if (space.parameters().isEmpty()) {
            return List.copyOf(out);
        }
        for (int attempt = 0; out.size() < count && attempt < ATTEMPTS_PER_CONFIGURATION * count; attempt++) {
            ParameterValues next = draw(space, random);
            if (seen.add(next)) {
                out.add(next);
            }
        }
        return List.copyOf(out);
    }

    /**
     * Draws one value of one parameter.
     *
     * @param parameter the declaration
     * @param random the source of randomness
     * @return a value within the declared range, of the parameter's type
     */
    static Object draw(HyperParameter parameter, SplittableRandom random) {
        return switch (parameter) {
            case IntParam p -> drawInt(p, random);
            case RealParam p -> drawReal(p, random);
            case ChoiceParam p -> p.choices().get(random.nextInt(p.choices().size()));
            case FlagParam _ -> random.nextBoolean();
            case TextParam p -> {
                random.nextDouble(); // one draw per parameter, whatever its type
                yield p.defaultValue();
            }
        };
    }

    private static int drawInt(IntParam p, SplittableRandom random) {
        if (p.min() == p.max()) {
            random.nextDouble(); // one draw per parameter, whatever its range
            return p.min();
        }
        if (!p.logScale()) {
            return (int) (p.min() + (long) (random.nextDouble() * ((long) p.max() - p.min() + 1)));
        }
        // Log-uniform over [min, max + 1), floored, so each integer gets the mass of its own unit interval. A range
        // starting at or below zero (0 often means "let the library choose") is shifted to start at 1 first.
        long shift = p.min() < 1 ? 1L - p.min() : 0L;
        double low = Math.log(p.min() + shift);
        double high = Math.log(p.max() + shift + 1.0);
        long value = (long) Math.floor(Math.exp(low + random.nextDouble() * (high - low))) - shift;
        return (int) Math.max(p.min(), Math.min(p.max(), value));
    }

    private static double drawReal(RealParam p, SplittableRandom random) {
        double u = random.nextDouble();
        if (p.min() == p.max()) {
            return p.min();
        }
        double value = p.logScale()
                ? Math.exp(Math.log(p.min()) + u * (Math.log(p.max()) - Math.log(p.min())))
                : p.min() + u * (p.max() - p.min());
        // exp(log(x)) may land a hair outside the range.
        return Math.max(p.min(), Math.min(p.max(), value));
    }
}
