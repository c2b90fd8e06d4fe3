package io.modelscout.cli.plugins;

/**
 * The plugins cannot be put together (two share an id, a plugins folder named on the command line is missing):
 * a user's problem, reported in one line per problem with exit code 2 and no stack trace.
 */
public final class PluginLoadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * An exception with the given message.
     *
     * @param message one line per problem
     */
    public PluginLoadException(String message) {
        super(message);
    }
}
