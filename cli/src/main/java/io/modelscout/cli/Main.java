package io.modelscout.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code modelscout} command. */
@Command(name = "modelscout", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Recommends a machine-learning model for the problem a task file describes, and shows why.",
        subcommands = {RecommendCommand.class, ExplainCommand.class, PluginsCommand.class, ReportCommand.class,
            BenchmarkCommand.class, RecommendationsCommand.class})
public final class Main implements Runnable {
    /** Exit code for a bad task, bad data or bad arguments. */
    public static final int USER_ERROR = 2;
    /** Exit code for an internal failure. */
    public static final int INTERNAL_ERROR = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * Runs the command line.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /**
     * Runs the command line without exiting, for tests.
     *
     * @param args the arguments
     * @return the exit code
     */
    public static int run(String... args) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        var commandLine = new CommandLine(new Main());
        commandLine.setExecutionExceptionHandler((e, cmd, _) -> {
            if (e instanceof io.modelscout.cli.plugins.PluginLoadException problem) {
                problem.getMessage().lines().forEach(line -> cmd.getErr().println("modelscout: " + line));
                return USER_ERROR;
            }
            cmd.getErr().println("modelscout: internal error: " + e);
            if (Boolean.getBoolean("modelscout.debug")) {
                e.printStackTrace(cmd.getErr());
            }
            return INTERNAL_ERROR;
        });
        commandLine.setParameterExceptionHandler((e, _) -> {
            var err = e.getCommandLine().getErr();
            err.println("modelscout: " + e.getMessage());
            err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return USER_ERROR;
        });
        return commandLine.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The version shown by {@code --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"modelscout " + io.modelscout.selector.Selector.version()};
        }
    }
}
