package io.modelscout.selector.spec;

import static java.util.Objects.requireNonNull;

import io.modelscout.api.Goal;
import io.modelscout.api.SequenceTask;
import io.modelscout.selector.eval.Metric;
import io.modelscout.selector.spec.Locations.Location;
import io.modelscout.selector.spec.TaskSpec.CandidatesSpec;
import io.modelscout.selector.spec.TaskSpec.DataFormat;
import io.modelscout.selector.spec.TaskSpec.DataSpec;
import io.modelscout.selector.spec.TaskSpec.EvaluationSpec;
import io.modelscout.selector.spec.YamlNode.Entry;
import io.modelscout.selector.spec.YamlNode.Kind;
import io.modelscout.selector.spec.YamlNode.ListNode;
import io.modelscout.selector.spec.YamlNode.MapNode;
import io.modelscout.selector.spec.YamlNode.Scalar;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a task file (YAML) into a validated {@link TaskSpec}.
 *
 * <p>The reader is strict: an unknown key, a value of the wrong type or out of range, a missing required key or a data
 * file that does not exist is an error. It does not stop at the first error: every error of the file is collected
 * and thrown together in one {@link SpecException}, in file order, each naming the field, the value found, what is
 * allowed, and the line and column. Checks that need the data itself are made by {@link DataChecks}.
 *
 * <pre>{@code
 * name: diabetes                  # optional; default: the file name without extension
 * goal: classify                  # classify, regress, cluster, detect-anomalies, estimate-density, ...
 * data:
 *   path: ../data/diabetes.arff   # relative to the task file's folder
 *   format: arff                  # arff | csv | tsv; default from the extension
 *   target: class                 # required for classify and regress
 *   ignore: [id]
 *   ordered: [low, medium, high]  # an ordinal target's levels, lowest first (classify only)
 * facts:
 *   missing_values: true          # keys from Facts.KNOWN
 * evaluation:
 *   metric: accuracy              # default: Metric.defaultFor(goal)
 *   folds: 10                     # 2..50
 *   repeats: 1                    # 1..100
 *   seed: 42
 *   time_limit: 10m               # per fit of one candidate on one fold: seconds, or 30s / 5m / 1h; 1s..24h
 *   tuning: random                # none | random | halving; default none
 *   budget: 5m                    # wall-clock cap of all tuning (only with tuning); 1s..24h; default 5m
 *   trials: 20                    # configurations per candidate and outer split (only with tuning); 1..1000;
 *                                 # default 20 for random, 27 for halving
 *   claims: true                  # check the primer's claims on the data (learning curves, ...); default true
 * candidates:
 *   include: [smile.random-forest]
 *   exclude: [weka.smo]
 *   only: false                   # true: evaluate only the included ids
 * sequences:                      # goal model-sequences only (docs/sequences.md)
 *   task: label                   # label | classify | next
 *   shape: long                   # long | wide | sparse
 *   id: seq                       # long: sequence id column; wide: optional name column
 *   order: pos                    # long: position order column
 *   label: tag                    # long, task label: per-position label column
 *   class: kind                   # task classify: per-sequence class column
 *   test: ../data/x.test          # optional fixed test file of the same shape, instead of folds
 *   continuations: 3              # task next: 0..20 continuations of held-out sequences
 *   prefix_length: 20             # task next: positions given, 1..10000
 *   continuation_length: 20       # task next: positions drawn, 1..10000
 * synthesis:                      # goal generate only (see docs/synthetic-data.md)
 *   rows: 1000                    # rows to write, 1..10,000,000; default: as many as the data
 *   format: csv                   # csv | arff
 *   priority: fidelity            # fidelity | utility | privacy
 *   target: class                 # the utility target; default data.target
 *   condition: {class: bad}       # write rows of one level of a nominal column only
 *   folds: 3                      # 2..10
 *   judge: {classify: smile.random-forest, regress: smile.random-forest}
 *   time_budget: 5m               # per fit of a neural synthesizer
 * }</pre>
 */
public final class TaskSpecReader {
    /** The fewest cross-validation folds. */
    public static final int MIN_FOLDS = 2;
    /** The most cross-validation folds. */
    public static final int MAX_FOLDS = 50;
    /** Folds when the task names none. */
    public static final int DEFAULT_FOLDS = 10;
    /** The fewest repeats of the k-fold split. */
    public static final int MIN_REPEATS = 1;
    /** The most repeats of the k-fold split. */
    public static final int MAX_REPEATS = 100;
    /** Repeats when the task names none. */
    public static final int DEFAULT_REPEATS = 1;
    /** The seed when the task names none. */
    public static final long DEFAULT_SEED = 42;
    /** The shortest time limit of one fit, in seconds. */
    public static final long MIN_TIME_LIMIT_SECONDS = 1;
    /** The longest time limit of one fit, in seconds (24 hours). */
    public static final long MAX_TIME_LIMIT_SECONDS = 24 * 3600;
    /** The time limit of one fit when the task names none, in seconds (10 minutes). */
    public static final long DEFAULT_TIME_LIMIT_SECONDS = 600;

    static final List<String> TOP_KEYS = List.of("name", "goal", "data", "facts", "evaluation", "candidates",
            "reference", "anomaly_level", "queries", "impute", "mask_share", "top", "sequences", "synthesis");
    static final List<String> DATA_KEYS = List.of("path", "format", "target", "ignore", "ordered");
    static final List<String> EVALUATION_KEYS = List.of("metric", "folds", "repeats", "seed", "time_limit", "tuning",
            "budget", "trials", "claims");
    /** The fewest configurations a tuned candidate tries per outer split. */
    public static final int MIN_TRIALS = 1;
    /** The most configurations a tuned candidate tries per outer split. */
    public static final int MAX_TRIALS = 1000;
    static final List<String> CANDIDATES_KEYS = List.of("include", "exclude", "only");
    static final List<String> SEQUENCE_KEYS = List.of("task", "shape", "id", "order", "label", "class", "test",
            "continuations", "prefix_length", "continuation_length");
    static final List<String> SYNTHESIS_KEYS = List.of("rows", "format", "priority", "condition", "target", "folds",
            "judge", "time_budget");

    private static final Pattern DURATION = Pattern.compile("(-?\\d+)\\s*([smh]?)", Pattern.CASE_INSENSITIVE);
    private static final String DURATION_EXPECTED = "a number of seconds or a duration such as 30s, 5m or 1h";
    /** Jackson resolves scalars by the YAML 1.2 JSON schema ({@code true}, {@code false}); accept core-schema forms too. */
    private static final Map<String, Boolean> BOOLEAN_WORDS = Map.of(
            "True", true, "TRUE", true, "False", false, "FALSE", false);

    private TaskSpecReader() {
    }

    /**
     * A task read together with where each of its fields was written.
     *
     * @param spec the validated task
     * @param locations the position of each field present in the file
     */
    public record Located(TaskSpec spec, Locations locations) {
        /** Checks for nulls. */
        public Located {
            requireNonNull(spec, "spec is null");
            requireNonNull(locations, "locations is null");
        }
    }

    /**
     * Reads and validates a task file.
     *
     * @param taskFile the YAML file; relative paths in it are resolved against its folder
     * @return the task; its {@link TaskSpec#source()} is {@code taskFile} as given
     * @throws SpecException with every problem of the file, in file order
     */
    public static TaskSpec read(Path taskFile) throws SpecException {
        return readLocated(taskFile).spec();
    }

    /**
     * Reads and validates a task file, keeping the position of each field for later checks such as
     * {@link DataChecks#check(TaskSpec, io.modelscout.api.data.Table, Locations)}.
     *
     * @param taskFile the YAML file; relative paths in it are resolved against its folder
     * @return the task and its field positions
     * @throws SpecException with every problem of the file, in file order
     */
    public static Located readLocated(Path taskFile) throws SpecException {
        requireNonNull(taskFile, "taskFile is null");
        var problems = new Problems(taskFile.toString());
        YamlNode root = parse(taskFile, problems).orElse(null);
        if (!problems.isEmpty()) {
            throw problems.exception();
        }
        if (root == null) {
            problems.add("", "the file is empty; a task needs at least goal and data.path", Location.NONE);
            throw problems.exception();
        }
        if (!(root instanceof MapNode top)) {
            problems.add("", "the top level must be a mapping of keys (" + String.join(", ", TOP_KEYS)
                    + "), found " + describe(root), root.at());
            throw problems.exception();
        }
        var reading = new Reading(taskFile, problems);
        reading.walk(top, "");
        TaskSpec spec = reading.spec(top);
        problems.throwIfAny();
        if (spec == null) {
            throw new IllegalStateException(taskFile + ": a field was rejected without a message");
        }
        return new Located(spec, new Locations(reading.locations));
    }

    /**
     * The field positions of a task file, for messages about a task read earlier; no validation.
     *
     * @param taskFile the YAML file
     * @return the positions, or {@link Locations#NONE} when the file can no longer be read as YAML
     */
    static Locations locations(Path taskFile) {
        var problems = new Problems(taskFile.toString());
        Optional<YamlNode> root = parse(taskFile, problems);
        if (!problems.isEmpty() || root.isEmpty()) {
            return Locations.NONE;
        }
        var reading = new Reading(taskFile, problems);
        reading.walk(root.orElseThrow(), "");
        return new Locations(reading.locations);
    }

    private static Optional<YamlNode> parse(Path taskFile, Problems problems) {
        String text;
        try {
            text = Files.readString(taskFile);
        } catch (NoSuchFileException e) {
            problems.add("", "file not found: " + taskFile.toAbsolutePath().normalize(), Location.NONE);
            return Optional.empty();
        } catch (CharacterCodingException e) {
            problems.add("", "the file is not UTF-8 text", Location.NONE);
            return Optional.empty();
        } catch (IOException e) {
            problems.add("", "cannot read the file: " + e, Location.NONE);
            return Optional.empty();
        }
        try {
            return YamlNode.parse(text);
        } catch (YamlNode.SyntaxException e) {
            problems.add("", e.getMessage(), e.at());
            return Optional.empty();
        }
    }

    /** How a value looks to a user: the text as written and what YAML made of it. */
    static String describe(YamlNode node) {
        return switch (node) {
            case MapNode _ -> "a mapping";
            case ListNode _ -> "a list";
            case Scalar s when s.alias() -> "an alias (*" + s.text() + ")";
            case Scalar s -> switch (s.kind()) {
                case STRING -> "'" + s.text() + "' (a string)";
                case INTEGER, DECIMAL -> s.text() + " (a number)";
                case BOOLEAN -> s.text() + " (a boolean)";
                case NULL -> "nothing";
            };
        };
    }

    private static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** One pass over one file: the errors found and the positions seen. */
    private static final class Reading {
        private final Path taskFile;
        private final Problems problems;
        private final Map<String, Location> locations = new HashMap<>();
        /** The sequences are in the sparse format, which has no data.format of its own. */
        private boolean sparseData;

        Reading(Path taskFile, Problems problems) {
            this.taskFile = taskFile;
            this.problems = problems;
        }

        /** Records every field's position and reports aliases, which would otherwise read as their anchor's name. */
        void walk(YamlNode node, String path) {
            switch (node) {
                case MapNode map -> {
                    for (Entry entry : map.entries()) {
                        String field = child(path, entry.key());
                        locations.putIfAbsent(field, entry.value() instanceof MapNode ? entry.keyAt()
                                : entry.value().at());
                        walk(entry.value(), field);
                    }
                }
                case ListNode list -> {
                    for (int i = 0; i < list.items().size(); i++) {
                        String field = path + "[" + i + "]";
                        locations.putIfAbsent(field, list.items().get(i).at());
                        walk(list.items().get(i), field);
                    }
                }
                case Scalar s when s.alias() -> problems.add(path,
                        "YAML aliases (*" + s.text() + ") are not supported; write the value out", s.at());
                case Scalar _ -> {
                }
            }
        }

        TaskSpec spec(MapNode root) {
            Map<String, Entry> top = keys(root, "", TOP_KEYS);
            String name = top.containsKey("name")
                    ? nonEmptyText(top.get("name").value(), "name", "a name")
                    : defaultName();
            Goal goal = goal(top.get("goal"));
            sparseData = goal == Goal.MODEL_SEQUENCES && declaresSparse(top);
            DataSpec data = data(top.get("data"), goal);
            Map<String, Boolean> facts = facts(top.get("facts"));
            EvaluationSpec evaluation = evaluation(top.get("evaluation"), goal);
            CandidatesSpec candidates = candidates(top.get("candidates"));
            GoalOptions options = goal == null ? null : switch (goal) {
                case CLASSIFY, REGRESS -> GoalOptions.NONE;
                case CLUSTER, DETECT_ANOMALIES, ESTIMATE_DENSITY -> unsupervisedOptions(top, goal);
                case MODEL_SEQUENCES -> sequenceOptions(top);
                case GENERATE -> synthesisOptions(top);
            };
            if (goal != null && options != null && !(options instanceof UnsupervisedOptions)) {
                unsupervisedKeysElsewhere(top, goal);
            }
            if (options instanceof SequenceOptions sequences && evaluation != null) {
                evaluation = sequenceEvaluation(evaluation, sequences, top);
            } else if (goal != null && goal != Goal.MODEL_SEQUENCES && top.containsKey("sequences")) {
                problems.add("sequences", "only for goal model-sequences; the goal is " + goal.id(),
                        top.get("sequences").keyAt());
            }
            if (data != null && evaluation != null && evaluation.metric().equals(Metric.RANK_MAE.id())
                    && data.ordered().isEmpty()) {
                problems.add("evaluation.metric", "rank_mae needs a ranked target: list the target's levels, lowest "
                        + "first, in data.ordered", locations.getOrDefault("evaluation.metric", Location.NONE));
            }
            if (!problems.isEmpty() || name == null || goal == null || data == null || facts == null
                    || evaluation == null || candidates == null || options == null) {
                return null;
            }
            return new TaskSpec(name, goal, data, facts, evaluation, candidates, taskFile, options);
        }

        // ---- goals cluster, detect-anomalies, estimate-density ----

        /** The options of the unsupervised goals; null after reporting a problem. */
        private UnsupervisedOptions unsupervisedOptions(Map<String, Entry> top, Goal goal) {
            boolean ok = true;
            if (top.containsKey("data") && top.get("data").value() instanceof MapNode data) {
                for (Entry entry : data.entries()) {
                    if (entry.key().equals("target") && !(entry.value() instanceof Scalar s && s.alias())) {
                        problems.add("data.target", "goal " + goal.id() + " takes no target: name a column of known "
                                + (goal == Goal.DETECT_ANOMALIES ? "anomalies" : "groups")
                                + " in 'reference' (hidden from fitting, used only to validate), or use goal "
                                + (goal == Goal.DETECT_ANOMALIES ? "classify" : "classify to predict it"),
                                entry.value().at());
                        ok = false;
                    }
                }
            }
            Optional<String> reference = Optional.empty();
            if (top.containsKey("reference")) {
                if (goal == Goal.ESTIMATE_DENSITY) {
                    onlyFor("reference", "cluster and detect-anomalies", goal, top);
                    ok = false;
                } else {
                    String name = nonEmptyText(top.get("reference").value(), "reference",
                            "the name of a column of known " + (goal == Goal.CLUSTER ? "groups" : "anomalies"));
                    ok &= name != null;
                    reference = Optional.ofNullable(name);
                }
            }
            Optional<String> anomalyLevel = Optional.empty();
            if (top.containsKey("anomaly_level")) {
                if (goal != Goal.DETECT_ANOMALIES) {
                    onlyFor("anomaly_level", "detect-anomalies", goal, top);
                    ok = false;
                } else if (reference.isEmpty()) {
                    problems.add("anomaly_level", "needs 'reference': the level marks anomalies in the reference column",
                            top.get("anomaly_level").value().at());
                    ok = false;
                } else {
                    String level = nonEmptyText(top.get("anomaly_level").value(), "anomaly_level",
                            "a level of the reference column");
                    ok &= level != null;
                    anomalyLevel = Optional.ofNullable(level);
                }
            }
            var queries = new ArrayList<Query>();
            if (top.containsKey("queries")) {
                if (goal != Goal.ESTIMATE_DENSITY) {
                    onlyFor("queries", "estimate-density", goal, top);
                    ok = false;
                } else {
                    List<String> texts = textList(top.get("queries"), "queries", "conditions",
                            "a condition such as Murder > 10 and Assault > 250");
                    if (texts == null) {
                        ok = false;
                    } else {
                        for (int i = 0; i < texts.size(); i++) {
                            try {
                                queries.add(Query.parse(texts.get(i)));
                            } catch (IllegalArgumentException e) {
                                problems.add("queries[" + i + "]", "'" + texts.get(i) + "' does not parse: "
                                        + e.getMessage() + "; expected comparisons such as Murder > 10 or "
                                        + "State == 'Ohio', joined by and, or, not and parentheses",
                                        itemAt("queries", i));
                                ok = false;
                            }
                        }
                    }
                }
            }
            boolean impute = false;
            if (top.containsKey("impute")) {
                if (goal != Goal.ESTIMATE_DENSITY) {
                    onlyFor("impute", "estimate-density", goal, top);
                    ok = false;
                } else {
                    Boolean value = bool(top.get("impute").value(), "impute");
                    ok &= value != null;
                    impute = Boolean.TRUE.equals(value);
                }
            }
            double maskShare = UnsupervisedOptions.DEFAULT_MASK_SHARE;
            if (top.containsKey("mask_share")) {
                YamlNode node = top.get("mask_share").value();
                if (goal != Goal.ESTIMATE_DENSITY) {
                    onlyFor("mask_share", "estimate-density", goal, top);
                    ok = false;
                } else if (node instanceof Scalar s && !s.alias()
                        && (s.kind() == Kind.DECIMAL || s.kind() == Kind.INTEGER)) {
                    double value = Double.parseDouble(s.text());
                    if (!(value > 0 && value <= 0.5)) {
                        problems.add("mask_share", "must be more than 0 and at most 0.5, got " + s.text(), s.at());
                        ok = false;
                    } else {
                        maskShare = value;
                    }
                } else {
                    wrongType("mask_share", "a share between 0 and 0.5, e.g. 0.1", node);
                    ok = false;
                }
            }
            int topRows = UnsupervisedOptions.DEFAULT_TOP;
            if (top.containsKey("top")) {
                if (goal != Goal.DETECT_ANOMALIES) {
                    onlyFor("top", "detect-anomalies", goal, top);
                    ok = false;
                } else {
                    Long value = integer(top.get("top"), "top", 1, 1000, UnsupervisedOptions.DEFAULT_TOP);
                    ok &= value != null;
                    topRows = value == null ? topRows : value.intValue();
                }
            }
            return ok ? new UnsupervisedOptions(reference, anomalyLevel, queries, impute, maskShare, topRows) : null;
        }

        private void onlyFor(String key, String goals, Goal goal, Map<String, Entry> top) {
            problems.add(key, "only for goal " + goals + "; the goal is " + goal.id(), top.get(key).keyAt());
        }

        /** The keys of the unsupervised goals in a task of another goal. */
        private void unsupervisedKeysElsewhere(Map<String, Entry> top, Goal goal) {
            for (String key : List.of("reference", "anomaly_level", "queries", "impute", "mask_share", "top")) {
                if (top.containsKey(key)) {
                    onlyFor(key, key.equals("reference") ? "cluster and detect-anomalies"
                            : key.equals("top") || key.equals("anomaly_level") ? "detect-anomalies"
                            : "estimate-density", goal, top);
                }
            }
        }

        // ---- end of goals cluster, detect-anomalies, estimate-density ----




        // ---- goal model-sequences ----

        /** The options of the sequence goal; null after reporting a problem. */
        private SequenceOptions sequenceOptions(Map<String, Entry> top) {
            Entry entry = top.get("sequences");
            if (entry == null) {
                problems.add("sequences", "missing; goal model-sequences needs at least sequences.task (label, "
                        + "classify, next) and sequences.shape (long, wide, sparse)", Location.NONE);
                return null;
            }
            MapNode section = section(entry, "sequences");
            if (section == null) {
                return null;
            }
            Map<String, Entry> keys = keys(section, "sequences", SEQUENCE_KEYS);
            SequenceTask task = choice(keys.get("task"), "sequences.task", entry,
                    Arrays.stream(SequenceTask.values()).map(SequenceTask::id).toList(), SequenceTask::fromId);
            SequenceOptions.Shape shape = choice(keys.get("shape"), "sequences.shape", entry,
                    Arrays.stream(SequenceOptions.Shape.values()).map(SequenceOptions.Shape::id).toList(),
                    id -> SequenceOptions.Shape.valueOf(id.toUpperCase(Locale.ROOT)));
            var columns = new LinkedHashMap<String, String>();
            for (String key : List.of("id", "order", "label", "class")) {
                if (keys.containsKey(key)) {
                    String name = nonEmptyText(keys.get(key).value(), "sequences." + key, "a column name");
                    if (name == null) {
                        return null;
                    }
                    for (var other : columns.entrySet()) {
                        if (other.getValue().equals(name)) {
                            problems.add("sequences." + key, "'" + name + "' is already sequences." + other.getKey()
                                    + "; each role needs its own column", keys.get(key).value().at());
                        }
                    }
                    columns.put(key, name);
                }
            }
            Path test = keys.containsKey("test") ? sequenceTestPath(keys.get("test")) : null;
            Long continuations = integer(keys.get("continuations"), "sequences.continuations", 0, 20,
                    SequenceOptions.DEFAULT_CONTINUATIONS);
            Long prefix = integer(keys.get("prefix_length"), "sequences.prefix_length", 1, 10_000,
                    SequenceOptions.DEFAULT_PREFIX);
            Long length = integer(keys.get("continuation_length"), "sequences.continuation_length", 1, 10_000,
                    SequenceOptions.DEFAULT_CONTINUATION);
            if (task == null || shape == null || continuations == null || prefix == null || length == null
                    || keys.containsKey("test") && test == null) {
                return null;
            }
            boolean ok = true;
            // Which keys each shape and task needs, and which they would silently ignore.
            ok &= needs(keys, "id", shape == SequenceOptions.Shape.LONG, shape != SequenceOptions.Shape.SPARSE, entry,
                    "the column naming the sequence of each row", shape);
            ok &= needs(keys, "order", shape == SequenceOptions.Shape.LONG, shape == SequenceOptions.Shape.LONG, entry,
                    "the column giving each position's place in its sequence", shape);
            ok &= needs(keys, "label", shape == SequenceOptions.Shape.LONG && task == SequenceTask.LABEL,
                    shape == SequenceOptions.Shape.LONG && task == SequenceTask.LABEL, entry,
                    "the column of position labels", shape);
            ok &= needs(keys, "class", task == SequenceTask.CLASSIFY && shape != SequenceOptions.Shape.SPARSE,
                    task == SequenceTask.CLASSIFY && shape != SequenceOptions.Shape.SPARSE, entry,
                    "the column of sequence classes", shape);
            if (shape == SequenceOptions.Shape.WIDE && task == SequenceTask.LABEL) {
                problems.add("sequences.task", "label needs a label per position, which a wide file (one row per "
                        + "sequence) has not; use shape long or sparse", keys.get("task").value().at());
                ok = false;
            }
            if (shape == SequenceOptions.Shape.SPARSE && task != SequenceTask.LABEL) {
                problems.add("sequences.task", task.id() + " does not suit the sparse format, whose positions are "
                        + "sets of binary features with a label each; use task label", keys.get("task").value().at());
                ok = false;
            }
            if (shape == SequenceOptions.Shape.SPARSE && locations.containsKey("data.format")) {
                problems.add("data.format", "not used with sequences.shape sparse, whose format is its own; "
                        + "leave it out", locations.get("data.format"));
                ok = false;
            }
            for (String key : List.of("continuations", "prefix_length", "continuation_length")) {
                if (keys.containsKey(key) && task != SequenceTask.NEXT) {
                    problems.add("sequences." + key, "only used with task next; the task is " + task.id(),
                            keys.get(key).keyAt());
                    ok = false;
                }
            }
            if (!ok) {
                return null;
            }
            return new SequenceOptions(task, shape, Optional.ofNullable(columns.get("id")),
                    Optional.ofNullable(columns.get("order")), Optional.ofNullable(columns.get("label")),
                    Optional.ofNullable(columns.get("class")), Optional.ofNullable(test), continuations.intValue(),
                    prefix.intValue(), length.intValue());
        }

        /** Reports a key a shape or task needs but lacks, or has but would ignore; false after a report. */
        private boolean needs(Map<String, Entry> keys, String key, boolean required, boolean allowed, Entry section,
                              String what, SequenceOptions.Shape shape) {
            if (required && !keys.containsKey(key)) {
                problems.add("sequences." + key, "missing; this task on shape " + shape.id() + " needs " + what,
                        section.keyAt());
                return false;
            }
            if (!allowed && keys.containsKey(key)) {
                problems.add("sequences." + key, "not used by this task on shape " + shape.id() + "; leave it out",
                        keys.get(key).keyAt());
                return false;
            }
            return true;
        }

        private <T> T choice(Entry entry, String field, Entry section, List<String> known,
                             java.util.function.Function<String, T> byId) {
            if (entry == null) {
                problems.add(field, "missing; one of: " + String.join(", ", known), section.keyAt());
                return null;
            }
            String id = text(entry.value(), field, "one of: " + String.join(", ", known));
            if (id == null) {
                return null;
            }
            if (!known.contains(id)) {
                problems.add(field, "unknown value '" + id + "'; known: " + String.join(", ", known),
                        entry.value().at());
                return null;
            }
            return byId.apply(id);
        }

        private Path sequenceTestPath(Entry entry) {
            String text = nonEmptyText(entry.value(), "sequences.test", "the test file's path");
            if (text == null) {
                return null;
            }
            Path folder = taskFile.toAbsolutePath().getParent();
            Path resolved;
            try {
                resolved = (folder == null ? Path.of(text).toAbsolutePath() : folder.resolve(text)).normalize();
            } catch (InvalidPathException e) {
                problems.add("sequences.test", "not a valid path: '" + text + "' (" + e.getReason() + ")",
                        entry.value().at());
                return null;
            }
            if (!Files.isRegularFile(resolved)) {
                problems.add("sequences.test", "file not found: " + resolved, entry.value().at());
                return null;
            }
            return resolved;
        }

        /** Whether the task declares the sparse shape, read before the data section so its format is not asked. */
        private static boolean declaresSparse(Map<String, Entry> top) {
            return top.get("sequences") != null && top.get("sequences").value() instanceof MapNode map
                    && map.entries().stream().anyMatch(e -> e.key().equals("shape")
                            && e.value() instanceof Scalar s && s.text().equals("sparse"));
        }

        /** The metric of a sequence task: its default when none is given, else one that suits the task. */
        private EvaluationSpec sequenceEvaluation(EvaluationSpec evaluation, SequenceOptions options,
                                                  Map<String, Entry> top) {
            List<Metric> allowed = Metric.forSequenceTask(options.task());
            boolean given = locations.containsKey("evaluation.metric");
            String metric = evaluation.metric();
            if (given && allowed.stream().noneMatch(m -> m.id().equals(metric))) {
                problems.add("evaluation.metric", "metric '" + metric + "' does not score task " + options.task().id()
                        + "; known: " + String.join(", ", allowed.stream().map(Metric::id).toList()),
                        locations.get("evaluation.metric"));
                return evaluation;
            }
            String chosen = given ? metric : Metric.defaultFor(options.task()).id();
            return new EvaluationSpec(chosen, evaluation.folds(), evaluation.repeats(), evaluation.seed(),
                    evaluation.timeLimitSeconds(), evaluation.tuning(), evaluation.budgetSeconds(), evaluation.trials(),
                    evaluation.claims());
        }

        // ---- end of goal model-sequences ----




        // ---- goal generate ----

        /** The options of the synthesis goal; null after reporting a problem. */
        private SynthesisOptions synthesisOptions(Map<String, Entry> top) {
            if (top.get("evaluation") != null && top.get("evaluation").value() instanceof MapNode evaluation) {
                for (Entry e : evaluation.entries()) {
                    String instead = switch (e.key()) {
                        case "metric" -> "synthesis.priority (fidelity, utility or privacy) decides the ranking";
                        case "folds" -> "use synthesis.folds";
                        case "repeats" -> "each of synthesis.folds is held out once; there are no repeats";
                        case "tuning", "budget", "trials" -> "synthesizers are evaluated with their defaults";
                        default -> null;
                    };
                    if (instead != null) {
                        problems.add("evaluation." + e.key(), "not used with goal generate: " + instead, e.keyAt());
                    }
                }
            }
            Entry entry = top.get("synthesis");
            if (entry == null) {
                return SynthesisOptions.defaults();
            }
            MapNode section = section(entry, "synthesis");
            if (section == null) {
                return null;
            }
            Map<String, Entry> keys = keys(section, "synthesis", SYNTHESIS_KEYS);
            Long rows = keys.containsKey("rows")
                    ? integer(keys.get("rows"), "synthesis.rows", 1, SynthesisOptions.MAX_ROWS, 1) : Long.valueOf(0);
            SynthesisOptions.OutputFormat format = choice(keys.get("format"), "synthesis.format",
                    SynthesisOptions.OutputFormat.values(), SynthesisOptions.OutputFormat::id,
                    SynthesisOptions.OutputFormat.CSV);
            SynthesisOptions.Priority priority = choice(keys.get("priority"), "synthesis.priority",
                    SynthesisOptions.Priority.values(), SynthesisOptions.Priority::id,
                    SynthesisOptions.Priority.FIDELITY);
            Optional<SynthesisOptions.Condition> condition = Optional.empty();
            boolean ok = true;
            if (keys.containsKey("condition")) {
                Entry c = keys.get("condition");
                if (c.value() instanceof MapNode map && map.entries().size() == 1) {
                    Entry only = map.entries().getFirst();
                    String level = nonEmptyText(only.value(), "synthesis.condition." + only.key(), "a level of '"
                            + only.key() + "'");
                    ok = level != null;
                    condition = level == null ? Optional.empty()
                            : Optional.of(new SynthesisOptions.Condition(only.key(), level));
                } else {
                    wrongType("synthesis.condition", "one column and its level, e.g. {class: bad}", c.value());
                    ok = false;
                }
            }
            String target = keys.containsKey("target")
                    ? nonEmptyText(keys.get("target").value(), "synthesis.target", "a column name") : "";
            Long folds = integer(keys.get("folds"), "synthesis.folds", SynthesisOptions.MIN_FOLDS,
                    SynthesisOptions.MAX_FOLDS, SynthesisOptions.DEFAULT_FOLDS);
            var judge = new LinkedHashMap<String, String>();
            if (keys.containsKey("judge")) {
                MapNode judgeSection = section(keys.get("judge"), "synthesis.judge");
                if (judgeSection == null) {
                    ok = false;
                } else {
                    for (Entry role : keys(judgeSection, "synthesis.judge", List.of("classify", "regress")).values()) {
                        String id = nonEmptyText(role.value(), "synthesis.judge." + role.key(), "a plugin id");
                        if (id == null) {
                            ok = false;
                        } else {
                            judge.put(role.key(), id);
                        }
                    }
                }
            }
            Long budget = keys.containsKey("time_budget")
                    ? duration(keys.get("time_budget"), "synthesis.time_budget", 0) : Long.valueOf(0);
            if (!ok || rows == null || format == null || priority == null || target == null || folds == null
                    || budget == null) {
                return null;
            }
            return new SynthesisOptions(rows == 0 ? Optional.empty() : Optional.of(rows), format, priority, condition,
                    target.isEmpty() ? Optional.empty() : Optional.of(target), folds.intValue(), judge,
                    budget == 0 ? Optional.empty() : Optional.of(budget));
        }

        /** One of a fixed list of names; reports the list when the value is not on it. */
        private <E> E choice(Entry entry, String field, E[] values, java.util.function.Function<E, String> id,
                             E fallback) {
            if (entry == null) {
                return fallback;
            }
            String known = String.join(", ", Arrays.stream(values).map(id).toList());
            String text = text(entry.value(), field, "one of: " + known);
            if (text == null) {
                return null;
            }
            for (E value : values) {
                if (id.apply(value).equals(text)) {
                    return value;
                }
            }
            problems.add(field, "unknown value '" + text + "'; known: " + known, entry.value().at());
            return null;
        }

        // ---- end of goal generate ----

        private String defaultName() {
            Path fileName = taskFile.getFileName();
            String file = fileName == null ? "task" : fileName.toString();
            int dot = file.lastIndexOf('.');
            return dot > 0 ? file.substring(0, dot) : file;
        }

        private Goal goal(Entry entry) {
            if (entry == null) {
                problems.add("goal", "missing; one of: " + Goal.knownIds(), Location.NONE);
                return null;
            }
            String id = text(entry.value(), "goal", "one of: " + Goal.knownIds());
            if (id == null) {
                return null;
            }
            for (Goal goal : Goal.values()) {
                if (goal.id().equals(id)) {
                    return goal;
                }
            }
            problems.add("goal", "unknown goal '" + id + "'; known: " + Goal.knownIds(), entry.value().at());
            return null;
        }

        private DataSpec data(Entry entry, Goal goal) {
            if (entry == null) {
                problems.add("data", "missing; it names the data file (path) and, for classify and regress, "
                        + "the target column (target)", Location.NONE);
                return null;
            }
            MapNode section = section(entry, "data");
            if (section == null) {
                return null;
            }
            Map<String, Entry> keys = keys(section, "data", DATA_KEYS);

            Path path = dataPath(keys.get("path"), entry.keyAt());
            Optional<DataFormat> format = format(keys.get("format"), path, keys.get("path"));

            Optional<String> target = Optional.empty();
            if (keys.containsKey("target")) {
                target = Optional.ofNullable(nonEmptyText(keys.get("target").value(), "data.target",
                        "the name of the target column"));
            } else if (goal != null && goal.supervised()) {
                problems.add("data.target", "missing; goal " + goal.id() + " needs the name of the target column",
                        entry.keyAt());
            }

            List<String> ignore = textList(keys.get("ignore"), "data.ignore", "column names", "a column name");
            if (ignore != null && target.isPresent()) {
                int at = ignore.indexOf(target.orElseThrow());
                if (at >= 0) {
                    problems.add("data.ignore", "'" + target.orElseThrow()
                            + "' is the target column; it cannot also be ignored", itemAt("data.ignore", at));
                }
            }

            List<String> ordered = textList(keys.get("ordered"), "data.ordered", "the target's levels, lowest first",
                    "a level of the target");
            if (ordered != null && !ordered.isEmpty()) {
                Location at = keys.get("ordered").value().at();
                if (goal != null && goal != Goal.CLASSIFY) {
                    problems.add("data.ordered", "only for goal classify (an ordinal target); the goal is "
                            + goal.id(), at);
                } else if (ordered.size() < 2) {
                    problems.add("data.ordered", "needs at least two levels, lowest first; got " + ordered.size(), at);
                }
                var seen = new HashSet<String>();
                for (int i = 0; i < ordered.size(); i++) {
                    if (!seen.add(ordered.get(i))) {
                        problems.add("data.ordered", "level '" + ordered.get(i) + "' appears twice; "
                                + "list each level once, lowest first", itemAt("data.ordered", i));
                    }
                }
            }
            if (path == null || format == null || ignore == null || ordered == null) {
                return null;
            }
            return new DataSpec(path, format, target, ignore, ordered);
        }

        private Path dataPath(Entry entry, Location sectionAt) {
            if (entry == null) {
                problems.add("data.path", "missing; the data file, relative to the task file's folder", sectionAt);
                return null;
            }
            String text = nonEmptyText(entry.value(), "data.path", "the data file's path");
            if (text == null) {
                return null;
            }
            Location at = entry.value().at();
            Path relative;
            try {
                relative = Path.of(text);
            } catch (InvalidPathException e) {
                problems.add("data.path", "not a valid path: '" + text + "' (" + e.getReason() + ")", at);
                return null;
            }
            Path folder = taskFile.toAbsolutePath().getParent();
            Path resolved = (folder == null ? relative.toAbsolutePath() : folder.resolve(relative)).normalize();
            if (Files.isDirectory(resolved)) {
                problems.add("data.path", "not a file but a folder: " + resolved, at);
                return null;
            }
            if (!Files.isRegularFile(resolved)) {
                problems.add("data.path", "file not found: " + resolved, at);
                return null;
            }
            return resolved;
        }

        private Optional<DataFormat> format(Entry entry, Path path, Entry pathEntry) {
            String known = String.join(", ", Arrays.stream(DataFormat.values())
                    .map(f -> f.name().toLowerCase(Locale.ROOT)).toList());
            if (entry != null) {
                String text = text(entry.value(), "data.format", "one of: " + known);
                if (text == null) {
                    return null;
                }
                Optional<DataFormat> format = byName(text);
                if (format.isEmpty()) {
                    problems.add("data.format", "unknown format '" + text + "'; known: " + known, entry.value().at());
                    return null;
                }
                return format;
            }
            if (path == null) {
                return Optional.empty();
            }
            String file = path.getFileName().toString();
            int dot = file.lastIndexOf('.');
            Optional<DataFormat> format = dot < 0 ? Optional.empty() : byName(file.substring(dot + 1));
            if (format.isEmpty() && !sparseData) {
                problems.add("data.format", "missing, and the extension of '" + file
                        + "' does not tell it; give data.format, one of: " + known, pathEntry.value().at());
                return null;
            }
            return format;
        }

        private static Optional<DataFormat> byName(String name) {
            for (DataFormat format : DataFormat.values()) {
                if (format.name().equalsIgnoreCase(name)) {
                    return Optional.of(format);
                }
            }
            return Optional.empty();
        }

        private Map<String, Boolean> facts(Entry entry) {
            if (entry == null) {
                return Map.of();
            }
            MapNode section = section(entry, "facts");
            if (section == null) {
                return null;
            }
            Map<String, Entry> keys = keys(section, "facts", Facts.KNOWN.keySet().stream().sorted().toList());
            var facts = new LinkedHashMap<String, Boolean>();
            boolean ok = true;
            for (Entry fact : keys.values()) {
                if (!Facts.KNOWN.containsKey(fact.key())) {
                    continue;
                }
                Boolean value = bool(fact.value(), "facts." + fact.key());
                if (value == null) {
                    ok = false;
                } else {
                    facts.put(fact.key(), value);
                }
            }
            return ok ? facts : null;
        }

        private EvaluationSpec evaluation(Entry entry, Goal goal) {
            MapNode section = entry == null ? new MapNode(List.of(), Location.NONE) : section(entry, "evaluation");
            if (section == null) {
                return null;
            }
            Map<String, Entry> keys = keys(section, "evaluation", EVALUATION_KEYS);
            String metric = metric(keys.get("metric"), goal);
            Long folds = integer(keys.get("folds"), "evaluation.folds", MIN_FOLDS, MAX_FOLDS, DEFAULT_FOLDS);
            Long repeats = integer(keys.get("repeats"), "evaluation.repeats", MIN_REPEATS, MAX_REPEATS,
                    DEFAULT_REPEATS);
            Long seed = integer(keys.get("seed"), "evaluation.seed", Long.MIN_VALUE, Long.MAX_VALUE, DEFAULT_SEED);
            Long timeLimit = timeLimit(keys.get("time_limit"));
            TaskSpec.Tuning tuning = tuning(keys.get("tuning"));
            Long budget = tuningOnly(keys.get("budget"), "evaluation.budget", tuning)
                    ? duration(keys.get("budget"), "evaluation.budget", EvaluationSpec.DEFAULT_BUDGET_SECONDS)
                    : null;
            Long trials = tuningOnly(keys.get("trials"), "evaluation.trials", tuning)
                    ? integer(keys.get("trials"), "evaluation.trials", MIN_TRIALS, MAX_TRIALS,
                            tuning == null ? 0 : tuning.defaultTrials())
                    : null;
            if (metric == null || folds == null || repeats == null || seed == null || timeLimit == null
                    || tuning == null || budget == null || trials == null) {
                return null;
            }
            Boolean claims = keys.containsKey("claims") ? bool(keys.get("claims").value(), "evaluation.claims") : Boolean.TRUE;
            if (claims == null) {
                return null;
            }
            return new EvaluationSpec(metric, folds.intValue(), repeats.intValue(), seed, timeLimit, tuning, budget,
                    trials.intValue(), claims);
        }

        private TaskSpec.Tuning tuning(Entry entry) {
            String known = String.join(", ", Arrays.stream(TaskSpec.Tuning.values()).map(TaskSpec.Tuning::id).toList());
            if (entry == null) {
                return TaskSpec.Tuning.NONE;
            }
            String id = text(entry.value(), "evaluation.tuning", "one of: " + known);
            if (id == null) {
                return null;
            }
            for (TaskSpec.Tuning tuning : TaskSpec.Tuning.values()) {
                if (tuning.id().equals(id)) {
                    return tuning;
                }
            }
            problems.add("evaluation.tuning", "unknown tuning '" + id + "'; known: " + known, entry.value().at());
            return null;
        }

        /** Budget and trials mean something only when a search runs: given without one, they are a mistake. */
        private boolean tuningOnly(Entry entry, String field, TaskSpec.Tuning tuning) {
            if (entry != null && tuning == TaskSpec.Tuning.NONE) {
                problems.add(field, "only used when evaluation.tuning is random or halving; the tuning is none",
                        entry.keyAt());
                return false;
            }
            return true;
        }

        /** A duration of 1s to 24h: a number of seconds or 30s / 5m / 1h. */
        private Long duration(Entry entry, String field, long fallback) {
            if (entry == null) {
                return fallback;
            }
            YamlNode node = entry.value();
            var matcher = node instanceof Scalar s && !s.alias()
                    && (s.kind() == Kind.INTEGER || s.kind() == Kind.STRING)
                    ? DURATION.matcher(s.text().strip()) : null;
            if (matcher == null || !matcher.matches()) {
                wrongType(field, DURATION_EXPECTED, node);
                return null;
            }
            long unit = switch (matcher.group(2).toLowerCase(Locale.ROOT)) {
                case "m" -> 60;
                case "h" -> 3600;
                default -> 1;
            };
            BigInteger seconds = new BigInteger(matcher.group(1)).multiply(BigInteger.valueOf(unit));
            if (seconds.compareTo(BigInteger.ONE) < 0 || seconds.compareTo(BigInteger.valueOf(24 * 3600)) > 0) {
                problems.add(field, "must be between 1s and 24h, got " + ((Scalar) node).text(), node.at());
                return null;
            }
            return seconds.longValue();
        }

        private String metric(Entry entry, Goal goal) {
            if (entry == null) {
                return goal == null ? null : Metric.defaultFor(goal).id();
            }
            String id = text(entry.value(), "evaluation.metric", "a metric name");
            if (id == null) {
                return null;
            }
            // Two classes: roc_auc is allowed here and checked against the target once the data is loaded.
            List<Metric> allowed = goal == null ? List.of(Metric.values()) : Metric.forGoal(goal, 2);
            // rank_mae is checked against data.ordered in spec()
            if (allowed.stream().anyMatch(m -> m.id().equals(id))
                    || goal == Goal.CLASSIFY && id.equals(Metric.RANK_MAE.id())) {
                return id;
            }
            String known = allowed.isEmpty()
                    ? "; goal " + goal.id() + " has no metric to choose: leave evaluation.metric out"
                    : "; known: " + String.join(", ", allowed.stream().map(Metric::id).toList());
            problems.add("evaluation.metric", "unknown metric '" + id + "'"
                    + (goal == null ? "" : " for goal " + goal.id()) + known, entry.value().at());
            return null;
        }

        private Long integer(Entry entry, String field, long min, long max, long fallback) {
            if (entry == null) {
                return fallback;
            }
            YamlNode node = entry.value();
            if (!(node instanceof Scalar s && s.kind() == Kind.INTEGER && !s.alias())) {
                wrongType(field, "an integer", node);
                return null;
            }
            BigInteger value = new BigInteger(s.text());
            if (value.compareTo(BigInteger.valueOf(min)) < 0 || value.compareTo(BigInteger.valueOf(max)) > 0) {
                problems.add(field, "must be between " + min + " and " + max + ", got " + s.text(), s.at());
                return null;
            }
            return value.longValue();
        }

        private Long timeLimit(Entry entry) {
            if (entry == null) {
                return DEFAULT_TIME_LIMIT_SECONDS;
            }
            YamlNode node = entry.value();
            var matcher = node instanceof Scalar s && !s.alias()
                    && (s.kind() == Kind.INTEGER || s.kind() == Kind.STRING)
                    ? DURATION.matcher(s.text().strip()) : null;
            if (matcher == null || !matcher.matches()) {
                wrongType("evaluation.time_limit", DURATION_EXPECTED, node);
                return null;
            }
            long unit = switch (matcher.group(2).toLowerCase(Locale.ROOT)) {
                case "m" -> 60;
                case "h" -> 3600;
                default -> 1;
            };
            BigInteger seconds = new BigInteger(matcher.group(1)).multiply(BigInteger.valueOf(unit));
            if (seconds.compareTo(BigInteger.valueOf(MIN_TIME_LIMIT_SECONDS)) < 0
                    || seconds.compareTo(BigInteger.valueOf(MAX_TIME_LIMIT_SECONDS)) > 0) {
                problems.add("evaluation.time_limit", "must be between 1s and 24h, got " + ((Scalar) node).text(),
                        node.at());
                return null;
            }
            return seconds.longValue();
        }

        private CandidatesSpec candidates(Entry entry) {
            if (entry == null) {
                return CandidatesSpec.NONE;
            }
            MapNode section = section(entry, "candidates");
            if (section == null) {
                return null;
            }
            Map<String, Entry> keys = keys(section, "candidates", CANDIDATES_KEYS);
            List<String> include = textList(keys.get("include"), "candidates.include", "plugin ids", "a plugin id");
            List<String> exclude = textList(keys.get("exclude"), "candidates.exclude", "plugin ids", "a plugin id");
            Boolean only = keys.containsKey("only")
                    ? bool(keys.get("only").value(), "candidates.only")
                    : Boolean.FALSE;
            if (include != null && exclude != null) {
                for (int i = 0; i < exclude.size(); i++) {
                    if (include.contains(exclude.get(i))) {
                        problems.add("candidates.exclude", "'" + exclude.get(i)
                                + "' is also in candidates.include; keep it in one of them",
                                itemAt("candidates.exclude", i));
                    }
                }
            }
            if (Boolean.TRUE.equals(only) && include != null && include.isEmpty()) {
                problems.add("candidates.only", "true needs at least one plugin id in candidates.include",
                        keys.get("only").value().at());
            }
            if (include == null || exclude == null || only == null) {
                return null;
            }
            return new CandidatesSpec(include, exclude, only);
        }

        /** The keys of a mapping, first occurrence of each; reports unknown and repeated keys. */
        private Map<String, Entry> keys(MapNode map, String path, List<String> known) {
            var keys = new LinkedHashMap<String, Entry>();
            for (Entry entry : map.entries()) {
                if (!known.contains(entry.key())) {
                    problems.add(path, "unknown key '" + entry.key() + "'; known: " + String.join(", ", known),
                            entry.keyAt());
                } else if (keys.containsKey(entry.key())) {
                    problems.add(child(path, entry.key()), "given twice; first at line "
                            + keys.get(entry.key()).keyAt().line(), entry.keyAt());
                } else {
                    keys.put(entry.key(), entry);
                }
            }
            return keys;
        }

        /** A section's mapping; an empty section ({@code facts:} with nothing under it) is an empty mapping. */
        private MapNode section(Entry entry, String field) {
            return switch (entry.value()) {
                case MapNode map -> map;
                case Scalar s when s.kind() == Kind.NULL -> new MapNode(List.of(), entry.keyAt());
                case YamlNode other -> {
                    wrongType(field, "a mapping (keys indented under '" + entry.key() + ":')", other);
                    yield null;
                }
            };
        }

        /** Any scalar as text: a column may well be named {@code 1}, a level {@code 3}. */
        private String text(YamlNode node, String field, String expected) {
            if (node instanceof Scalar s && s.kind() != Kind.NULL) {
                return s.alias() ? null : s.text();
            }
            wrongType(field, expected, node);
            return null;
        }

        private String nonEmptyText(YamlNode node, String field, String expected) {
            String text = text(node, field, expected);
            if (text != null && text.isBlank()) {
                problems.add(field, "must not be empty; expected " + expected, node.at());
                return null;
            }
            return text;
        }

        /** A list of texts; an absent or empty ({@code ignore:}) list is empty. */
        private List<String> textList(Entry entry, String field, String what, String item) {
            if (entry == null || entry.value() instanceof Scalar s && s.kind() == Kind.NULL && !s.alias()) {
                return List.of();
            }
            if (!(entry.value() instanceof ListNode list)) {
                wrongType(field, "a list of " + what + ", e.g. [a, b]", entry.value());
                return null;
            }
            var texts = new ArrayList<String>();
            boolean ok = true;
            for (int i = 0; i < list.items().size(); i++) {
                String text = nonEmptyText(list.items().get(i), field + "[" + i + "]", item);
                ok &= text != null;
                texts.add(text);
            }
            return ok ? texts : null;
        }

        private Boolean bool(YamlNode node, String field) {
            if (node instanceof Scalar s && !s.alias()) {
                if (s.kind() == Kind.BOOLEAN) {
                    return Boolean.parseBoolean(s.text());
                }
                if (s.kind() == Kind.STRING && BOOLEAN_WORDS.containsKey(s.text())) {
                    return BOOLEAN_WORDS.get(s.text());
                }
            }
            wrongType(field, "true or false", node);
            return null;
        }

        private void wrongType(String field, String expected, YamlNode found) {
            if (found instanceof Scalar s && s.alias()) {
                return; // reported once by walk()
            }
            problems.add(field, "expected " + expected + ", found " + describe(found), found.at());
        }

        private Location itemAt(String field, int index) {
            return locations.getOrDefault(field + "[" + index + "]", Location.NONE);
        }
    }
}
