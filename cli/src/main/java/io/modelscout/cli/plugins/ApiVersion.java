package io.modelscout.cli.plugins;

import io.modelscout.api.ModelPlugin;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The API-version rule: a plugin may run when it was built against the same major version of the plugin API. */
public final class ApiVersion {
    private static final Pattern VERSION = Pattern.compile("(\\d+)(\\.\\d+)*");

    private ApiVersion() {
    }

    /**
     * Why a plugin built against {@code declared} cannot run on this ModelScout.
     *
     * @param declared the version the plugin declares
     * @return the reason, starting with a verb ("was built for ..."); null when it is compatible
     */
    public static String incompatibility(String declared) {
        String ours = ModelPlugin.API_VERSION;
        if (declared == null || !VERSION.matcher(declared.strip()).matches()) {
            return "declares the API version '" + declared + "'; expected a version such as " + ours;
        }
        if (!major(declared.strip()).equals(major(ours))) {
            return "was built for plugin API " + declared.strip() + ", this ModelScout has plugin API " + ours
                    + " (the major versions must match)";
        }
        return null;
    }

    private static String major(String version) {
        Matcher m = VERSION.matcher(version);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a version: " + version);
        }
        return String.valueOf(Long.parseLong(m.group(1)));
    }
}
