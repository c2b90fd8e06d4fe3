package io.modelscout.reports;

import static java.util.Objects.requireNonNull;

import io.modelscout.selector.data.DataProfile;
import io.modelscout.selector.data.DataProfile.ClassCount;
import io.modelscout.selector.data.DataProfile.ColumnProfile;
import io.modelscout.selector.data.DataProfile.TargetProfile;
import io.modelscout.selector.result.CandidateResult;
import io.modelscout.selector.result.CandidateResult.Score;
import io.modelscout.selector.result.CandidateResult.Status;
import io.modelscout.selector.result.CandidateResult.Timing;
import io.modelscout.selector.result.GoalDetails;
import io.modelscout.selector.result.SelectionResult;
import io.modelscout.selector.result.SelectionResult.FactValue;
import io.modelscout.selector.result.SelectionResult.Provenance;
import io.modelscout.selector.result.SelectionResult.Recommendation;
import io.modelscout.selector.result.SelectionResult.RuleOutcome;
import io.modelscout.selector.result.SelectionResult.TaskSummary;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a {@link SelectionResult} as {@code result.json} and reads it back.
 *
 * <p>The document is built key by key, so its shape does not follow renamed Java members. Keys are camelCase, after
 * the record components; objects keep the order below; maps ({@code scores}, {@code parameters}, {@code versions})
 * are written in a fixed order: scores in the task's metric order, the others sorted by key. A double that is NaN or
 * infinite is written as {@code null} and read back as NaN. Optional values are {@code null} when absent.
 *
 * <pre>{@code
 * {
 *   "formatVersion": 1,
 *   "task": {"name", "goal", "dataFile", "target" (null when none), "metric", "higherIsBetter", "metrics": []},
 *   "profile": {"name", "rows",
 *               "columns": [{"name", "kind", "target", "missing", "levels", "distinct", "mean", "sd", "min", "max"}],
 *               "target": {"name", "kind", "classes": [{"label", "count"}], "presentClasses", "minorityShare",
 *                          "imbalanceRatio"} (null when none),
 *               "missingCells", "missingRate", "rowsWithMissing"},
 *   "facts": [{"name", "value", "source", "detail"}],
 *   "rules": [{"id", "fired", "when", "effect", "reason"}],
 *   "candidates": [{"id", "name", "family", "capabilities": [], "status", "reason", "preprocessing": [],
 *                   "parameters": {"<name>": value},
 *                   "scores": {"<metric>": {"mean", "sd", "folds": []}},
 *                   "timing": {"fitSeconds", "predictMicrosPerRow"},
 *                   "tuning": [{"repeat", "fold", "parameters": {}}],
 *                   "diagnostics": {"classes": [], "confusion": [[]], "roc": [{"label", "falsePositiveRate": [],
 *                                   "truePositiveRate": [], "auc"}], "actual": [], "predicted": []} (null when none)}],
 *   "recommendation": {"candidate", "metric", "score", "reasons": [], "tiedWith": [], "tieBreak"} (null when none),
 *   "provenance": {"modelscoutVersion", "seed", "folds", "repeats", "threads", "startedAt", "seconds",
 *                  "versions": {"<name>": "<version>"}},
 *   "plugins": [{"id", "name", "family", "goals": [], "capabilities": []}],
 *   "details": {"goal", ...} (absent for classify and regress; each goal's shape is below),
 *   "claims": [{"id", "statement", "held" (null when not checked), "finding", "series": [{"label", "x": [], "y": []}]}]
 * }
 * }</pre>
 *
 * <p>{@code candidates[].status} is the lower-case {@link Status#id()}: {@code evaluated}, {@code failed},
 * {@code timed-out} or {@code excluded}. {@code candidates[].scores.<metric>.folds} is repeat-major.
 *
 * <p>{@code details} of the goals {@code cluster}, {@code detect-anomalies} and {@code estimate-density} (rows are
 * 0-based; per-row lists are written column by column, one array per field, all of one length):
 *
 * <pre>{@code
 * cluster:          {"goal": "cluster", "recommended", "clusterCount",
 *                    "projection": {"xLabel", "yLabel", "explained": [], "totalRows",
 *                                   "points": {"row": [], "x": [], "y": [], "cluster": [] (-1 noise),
 *                                              "group": [] (null without reference)}} (null when none),
 *                    "sizes": [{"cluster", "size"}],
 *                    "countChoices": [{"candidate", "criterion", "higherIsBetter", "counts": [], "values": [],
 *                                      "chosen"}],
 *                    "reference" (null when none),
 *                    "confusion": {"clusters": [], "groups": [], "counts": [[]]} (null when no reference),
 *                    "notes": []}
 * detect-anomalies: {"goal": "detect-anomalies", "recommended", "reference", "anomalyLevel", "knownAnomalies"
 *                    (these three null without reference), "basis", "ensembleMembers": [],
 *                    "distributions": [{"candidate", "scores": []}], "knownAnomaly": [] (empty without reference),
 *                    "columns": [], "top": [{"row", "score", "values": [], "known" (null without reference)}],
 *                    "roc": [{"candidate", "x": [], "y": [], "area"}], "precisionRecall": [{... as roc}],
 *                    "notes": []}
 * estimate-density: {"goal": "estimate-density", "recommended", "columns": [],
 *                    "likelihoods": [{"candidate", "mean", "sd", "folds": []}],
 *                    "queries": [{"query", "empirical", "empiricalLow", "empiricalHigh", "heldOutRows",
 *                                 "estimates": [{"candidate", "estimate", "low", "high", "samples"}]}],
 *                    "imputation": {"maskShare", "maskedNumeric", "maskedNominal",
 *                                   "methods": [{"method", "kind", "nrmse", "nrmseSd", "nominalError",
 *                                                "nominalErrorSd" (null when not measured), "status", "reason"}],
 *                                   "completedBy", "completedTable" (null when not written), "missingCells"}
 *                                  (null when the task does not impute),
 *                    "notes": []}
 * }</pre>
 */
public final class JsonReport {
    /** The version of the document's shape; raised only when a key changes meaning or goes away. */
    public static final int FORMAT_VERSION = 1;

    private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonReport() {
    }

    /**
     * Writes the result as pretty-printed UTF-8 JSON, creating the parent folder if needed.
     *
     * @param result the result
     * @param file where to write, e.g. {@code out/result.json}
     * @throws IOException when the file cannot be written
     */
    public static void write(SelectionResult result, Path file) throws IOException {
        requireNonNull(file, "file is null");
        String json = toJson(result);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, json, StandardCharsets.UTF_8);
    }

    /**
     * The result as pretty-printed JSON, ending in a newline; the same result always gives the same text.
     *
     * @param result the result
     * @return the document
     */
    public static String toJson(SelectionResult result) {
        requireNonNull(result, "result is null");
        return MAPPER.writeValueAsString(tree(result)) + "\n";
    }

    /**
     * Reads a document written by {@link #write}.
     *
     * @param file the {@code result.json}
     * @return the result, equal to the one written (a non-finite double comes back as NaN)
     * @throws IOException when the file cannot be read or is not a result document; the message names the file and
     *     the offending key
     */
    public static SelectionResult read(Path file) throws IOException {
        requireNonNull(file, "file is null");
        String text = Files.readString(file, StandardCharsets.UTF_8);
        try {
            return fromJson(text);
        } catch (IOException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses a document produced by {@link #toJson}.
     *
     * @param json the text
     * @return the result
     * @throws IOException when the text is not JSON or not a result document; the message names the offending key
     */
    public static SelectionResult fromJson(String json) throws IOException {
        requireNonNull(json, "json is null");
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new IOException("not valid JSON: " + e.getOriginalMessage(), e);
        }
        try {
            return parse(new JsonIn(root, "$"));
        } catch (JsonIn.Malformed e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    // ---- writing ----

    private static ObjectNode tree(SelectionResult result) {
        ObjectNode root = NODES.objectNode();
        root.put("formatVersion", FORMAT_VERSION);
        root.set("task", task(result.task()));
        root.set("profile", profile(result.profile()));
        ArrayNode facts = root.putArray("facts");
        for (FactValue fact : result.facts()) {
            ObjectNode node = facts.addObject();
            node.put("name", fact.name());
            node.put("value", fact.value());
            node.put("source", fact.source());
            node.put("detail", fact.detail());
        }
        ArrayNode rules = root.putArray("rules");
        for (RuleOutcome rule : result.rules()) {
            ObjectNode node = rules.addObject();
            node.put("id", rule.id());
            node.put("fired", rule.fired());
            node.put("when", rule.when());
            node.put("effect", rule.effect());
            node.put("reason", rule.reason());
        }
        ArrayNode candidates = root.putArray("candidates");
        for (CandidateResult candidate : result.candidates()) {
            candidates.add(candidate(candidate, result.task().metrics()));
        }
        result.recommendation().ifPresentOrElse(r -> root.set("recommendation", recommendation(r)),
                () -> root.putNull("recommendation"));
        root.set("provenance", provenance(result.provenance()));
        ArrayNode plugins = root.putArray("plugins");
        for (SelectionResult.PluginInfo plugin : result.plugins()) {
            ObjectNode node = plugins.addObject();
            node.put("id", plugin.id());
            node.put("name", plugin.name());
            node.put("family", plugin.family());
            strings(node.putArray("goals"), plugin.goals());
            strings(node.putArray("capabilities"), plugin.capabilities());
        }
        result.details().ifPresent(d -> root.set("details", GoalDetailsJson.write(d)));
        ArrayNode claims = root.putArray("claims");
        for (SelectionResult.Claim claim : result.claims()) {
            ObjectNode node = claims.addObject();
            node.put("id", claim.id());
            node.put("statement", claim.statement());
            claim.held().ifPresentOrElse(h -> node.put("held", h), () -> node.putNull("held"));
            node.put("finding", claim.finding());
            ArrayNode series = node.putArray("series");
            for (SelectionResult.Series one : claim.series()) {
                ObjectNode s = series.addObject();
                s.put("label", one.label());
                numbers(s.putArray("x"), one.x());
                numbers(s.putArray("y"), one.y());
            }
        }
        return root;
    }

    private static ObjectNode task(TaskSummary task) {
        ObjectNode node = NODES.objectNode();
        node.put("name", task.name());
        node.put("goal", task.goal());
        node.put("dataFile", task.dataFile());
        node.put("target", task.target().orElse(null));
        node.put("metric", task.metric());
        node.put("higherIsBetter", task.higherIsBetter());
        strings(node.putArray("metrics"), task.metrics());
        return node;
    }

    private static ObjectNode profile(DataProfile profile) {
        ObjectNode node = NODES.objectNode();
        node.put("name", profile.name());
        node.put("rows", profile.rows());
        ArrayNode columns = node.putArray("columns");
        for (ColumnProfile column : profile.columns()) {
            ObjectNode c = columns.addObject();
            c.put("name", column.name());
            c.put("kind", column.kind());
            c.put("target", column.target());
            c.put("missing", column.missing());
            c.put("levels", column.levels());
            c.put("distinct", column.distinct());
            c.set("mean", number(column.mean()));
            c.set("sd", number(column.sd()));
            c.set("min", number(column.min()));
            c.set("max", number(column.max()));
        }
        profile.target().ifPresentOrElse(target -> node.set("target", target(target)), () -> node.putNull("target"));
        node.put("missingCells", profile.missingCells());
        node.set("missingRate", number(profile.missingRate()));
        node.put("rowsWithMissing", profile.rowsWithMissing());
        return node;
    }

    private static ObjectNode target(TargetProfile target) {
        ObjectNode node = NODES.objectNode();
        node.put("name", target.name());
        node.put("kind", target.kind());
        ArrayNode classes = node.putArray("classes");
        for (ClassCount count : target.classes()) {
            ObjectNode c = classes.addObject();
            c.put("label", count.label());
            c.put("count", count.count());
        }
        node.put("presentClasses", target.presentClasses());
        node.set("minorityShare", number(target.minorityShare()));
        node.set("imbalanceRatio", number(target.imbalanceRatio()));
        return node;
    }

    private static ObjectNode candidate(CandidateResult candidate, List<String> metricOrder) {
        ObjectNode node = NODES.objectNode();
        node.put("id", candidate.id());
        node.put("name", candidate.name());
        node.put("family", candidate.family());
        strings(node.putArray("capabilities"), candidate.capabilities());
        node.put("status", candidate.status().id());
        node.put("reason", candidate.reason());
        strings(node.putArray("preprocessing"), candidate.preprocessing());
        node.set("parameters", value(candidate.parameters()));
        ObjectNode scores = node.putObject("scores");
        for (String metric : orderedKeys(candidate.scores(), metricOrder)) {
            Score score = candidate.scores().get(metric);
            ObjectNode s = scores.putObject(metric);
            s.set("mean", number(score.mean()));
            s.set("sd", number(score.sd()));
            ArrayNode folds = s.putArray("folds");
            score.folds().forEach(v -> folds.add(number(v)));
        }
        ObjectNode timing = node.putObject("timing");
        timing.set("fitSeconds", number(candidate.timing().fitSeconds()));
        timing.set("predictMicrosPerRow", number(candidate.timing().predictMicrosPerRow()));
        ArrayNode tuning = node.putArray("tuning");
        for (CandidateResult.FoldParameters fold : candidate.tuning()) {
            ObjectNode f = tuning.addObject();
            f.put("repeat", fold.repeat());
            f.put("fold", fold.fold());
            f.set("parameters", value(fold.parameters()));
        }
        candidate.diagnostics().ifPresentOrElse(d -> {
            ObjectNode n = node.putObject("diagnostics");
            strings(n.putArray("classes"), d.classes());
            ArrayNode confusion = n.putArray("confusion");
            for (List<Integer> row : d.confusion()) {
                ArrayNode r = confusion.addArray();
                row.forEach(r::add);
            }
            ArrayNode roc = n.putArray("roc");
            for (CandidateResult.Curve curve : d.roc()) {
                ObjectNode c = roc.addObject();
                c.put("label", curve.label());
                numbers(c.putArray("falsePositiveRate"), curve.falsePositiveRate());
                numbers(c.putArray("truePositiveRate"), curve.truePositiveRate());
                c.set("auc", number(curve.auc()));
            }
            numbers(n.putArray("actual"), d.actual());
            numbers(n.putArray("predicted"), d.predicted());
        }, () -> node.putNull("diagnostics"));
        return node;
    }

    private static ObjectNode recommendation(Recommendation recommendation) {
        ObjectNode node = NODES.objectNode();
        node.put("candidate", recommendation.candidate());
        node.put("metric", recommendation.metric());
        node.set("score", number(recommendation.score()));
        strings(node.putArray("reasons"), recommendation.reasons());
        strings(node.putArray("tiedWith"), recommendation.tiedWith());
        node.put("tieBreak", recommendation.tieBreak());
        return node;
    }

    private static ObjectNode provenance(Provenance provenance) {
        ObjectNode node = NODES.objectNode();
        node.put("modelscoutVersion", provenance.modelscoutVersion());
        node.put("seed", provenance.seed());
        node.put("folds", provenance.folds());
        node.put("repeats", provenance.repeats());
        node.put("threads", provenance.threads());
        node.put("startedAt", provenance.startedAt());
        node.set("seconds", number(provenance.seconds()));
        ObjectNode versions = node.putObject("versions");
        new TreeMap<>(provenance.versions()).forEach(versions::put);
        return node;
    }

    /** The task's metrics first, in its order, then any other metric by name: a stable order for a hash map. */
    static List<String> orderedKeys(Map<String, ?> map, List<String> first) {
        var keys = new ArrayList<String>();
        for (String key : first) {
            if (map.containsKey(key) && !keys.contains(key)) {
                keys.add(key);
            }
        }
        new TreeMap<>(map).keySet().stream().filter(k -> !keys.contains(k)).forEach(keys::add);
        return keys;
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static void numbers(ArrayNode array, List<Double> values) {
        values.forEach(v -> array.add(number(v)));
    }

    private static JsonNode number(double value) {
        return Double.isFinite(value) ? NODES.numberNode(value) : NODES.nullNode();
    }

    /** A parameter value: the API allows Integer, Double, String and Boolean; anything else is written sensibly. */
    private static JsonNode value(Object value) {
        return switch (value) {
            case null -> NODES.nullNode();
            case Boolean b -> NODES.booleanNode(b);
            case Integer i -> NODES.numberNode(i);
            case Long l -> NODES.numberNode(l);
            case Short s -> NODES.numberNode(s.intValue());
            case Byte b -> NODES.numberNode(b.intValue());
            case Double d -> number(d);
            case Float f -> number(f.doubleValue());
            case BigInteger i -> NODES.numberNode(i);
            case BigDecimal d -> NODES.numberNode(d);
            case Number n -> number(n.doubleValue());
            case CharSequence s -> NODES.stringNode(s.toString());
            case Enum<?> e -> NODES.stringNode(e.name());
            case Collection<?> c -> {
                ArrayNode array = NODES.arrayNode();
                c.forEach(v -> array.add(value(v)));
                yield array;
            }
            case Map<?, ?> m -> {
                ObjectNode object = NODES.objectNode();
                var sorted = new TreeMap<String, Object>();
                m.forEach((k, v) -> sorted.put(String.valueOf(k), v));
                sorted.forEach((k, v) -> object.set(k, value(v)));
                yield object;
            }
            default -> NODES.stringNode(value.toString());
        };
    }

    // ---- reading ----

    private static SelectionResult parse(JsonIn root) {
        root.requireObject();
        JsonIn version = root.optional("formatVersion");
        if (version != null && version.integer() > FORMAT_VERSION) {
            throw version.fail(version.integer() + " is newer than this version reads ("
                    + FORMAT_VERSION + ")");
        }
        JsonIn task = root.get("task");
        var summary = new TaskSummary(task.get("name").text(), task.get("goal").text(), task.get("dataFile").text(),
                Optional.ofNullable(task.get("target").textOrNull()), task.get("metric").text(),
                task.get("higherIsBetter").bool(), task.get("metrics").list(JsonIn::text));
        List<FactValue> facts = root.get("facts").list(f -> new FactValue(f.get("name").text(),
                f.get("value").bool(), f.get("source").text(), f.get("detail").text()));
        List<RuleOutcome> rules = root.get("rules").list(r -> new RuleOutcome(r.get("id").text(),
                r.get("fired").bool(), r.get("when").text(), r.get("effect").text(), r.get("reason").text()));
        List<CandidateResult> candidates = root.get("candidates").list(JsonReport::parseCandidate);
        JsonIn rec = root.get("recommendation");
        Optional<Recommendation> recommendation = rec.isNull() ? Optional.empty()
                : Optional.of(new Recommendation(rec.get("candidate").text(), rec.get("metric").text(),
                        rec.get("score").real(), rec.get("reasons").list(JsonIn::text),
                        listOrEmpty(rec.optional("tiedWith"), JsonIn::text),
                        rec.optional("tieBreak") == null ? "" : rec.get("tieBreak").text()));
        JsonIn p = root.get("provenance");
        var provenance = new Provenance(p.get("modelscoutVersion").text(), p.get("seed").longInteger(),
                p.get("folds").integer(), p.get("repeats").integer(), p.get("threads").integer(),
                p.get("startedAt").text(), p.get("seconds").real(), p.get("versions").map(JsonIn::text));
        List<SelectionResult.PluginInfo> plugins = listOrEmpty(root.optional("plugins"),
                n -> new SelectionResult.PluginInfo(n.get("id").text(), n.get("name").text(), n.get("family").text(),
                        n.get("goals").list(JsonIn::text), n.get("capabilities").list(JsonIn::text)));
        List<SelectionResult.Claim> claims = listOrEmpty(root.optional("claims"),
                n -> new SelectionResult.Claim(n.get("id").text(), n.get("statement").text(),
                        n.get("held").isNull() ? Optional.empty() : Optional.of(n.get("held").bool()),
                        n.get("finding").text(), n.get("series").list(s -> new SelectionResult.Series(
                                s.get("label").text(), s.get("x").list(JsonIn::real), s.get("y").list(JsonIn::real)))));
        JsonIn details = root.optional("details");
        Optional<GoalDetails> goalDetails = details == null || details.isNull() ? Optional.empty()
                : Optional.of(details(summary.goal(), details));
        return new SelectionResult(summary, parseProfile(root.get("profile")), facts, rules, candidates,
                recommendation, provenance, plugins, claims, goalDetails);
    }

    /** A goal's details; its reader names the offending key of a malformed node in an IllegalArgumentException. */
    private static GoalDetails details(String goal, JsonIn details) {
        try {
            return GoalDetailsJson.read(goal, details.json(), details.path());
        } catch (IllegalArgumentException e) {
            throw new JsonIn.Malformed(e.getMessage());
        }
    }

    /** A list written by a newer version, read as empty from a document that predates it. */
    private static <T> List<T> listOrEmpty(JsonIn node, Function<JsonIn, T> element) {
        return node == null || node.isNull() ? List.of() : node.list(element);
    }

    private static DataProfile parseProfile(JsonIn p) {
        List<ColumnProfile> columns = p.get("columns").list(c -> new ColumnProfile(c.get("name").text(),
                c.get("kind").text(), c.get("target").bool(), c.get("missing").integer(), c.get("levels").integer(),
                c.get("distinct").integer(), c.get("mean").real(), c.get("sd").real(), c.get("min").real(),
                c.get("max").real()));
        JsonIn t = p.get("target");
        Optional<TargetProfile> target = t.isNull() ? Optional.empty()
                : Optional.of(new TargetProfile(t.get("name").text(), t.get("kind").text(),
                        t.get("classes").list(c -> new ClassCount(c.get("label").text(), c.get("count").integer())),
                        t.get("presentClasses").integer(), t.get("minorityShare").real(),
                        t.get("imbalanceRatio").real()));
        return new DataProfile(p.get("name").text(), p.get("rows").integer(), columns, target,
                p.get("missingCells").longInteger(), p.get("missingRate").real(), p.get("rowsWithMissing").integer());
    }

    private static CandidateResult parseCandidate(JsonIn c) {
        JsonIn statusNode = c.get("status");
        String statusId = statusNode.text();
        Status status = Arrays.stream(Status.values()).filter(s -> s.id().equals(statusId)).findFirst()
                .orElseThrow(() -> statusNode.fail("unknown status '" + statusId + "'; known: "
                        + String.join(", ", Arrays.stream(Status.values()).map(Status::id).toList())));
        Map<String, Score> scores = c.get("scores").map(s -> new Score(s.get("mean").real(), s.get("sd").real(),
                s.get("folds").list(JsonIn::real)));
        JsonIn timing = c.get("timing");
        List<CandidateResult.FoldParameters> tuning = listOrEmpty(c.optional("tuning"),
                f -> new CandidateResult.FoldParameters(f.get("repeat").integer(), f.get("fold").integer(),
                        f.get("parameters").map(JsonIn::parameter)));
        JsonIn d = c.optional("diagnostics");
        Optional<CandidateResult.Diagnostics> diagnostics = d == null || d.isNull() ? Optional.empty()
                : Optional.of(new CandidateResult.Diagnostics(d.get("classes").list(JsonIn::text),
                        d.get("confusion").list(row -> row.list(JsonIn::integer)),
                        d.get("roc").list(r -> new CandidateResult.Curve(r.get("label").text(),
                                r.get("falsePositiveRate").list(JsonIn::real), r.get("truePositiveRate").list(JsonIn::real),
                                r.get("auc").real())),
                        d.get("actual").list(JsonIn::real), d.get("predicted").list(JsonIn::real)));
        return new CandidateResult(c.get("id").text(), c.get("name").text(), c.get("family").text(),
                c.get("capabilities").list(JsonIn::text), status, c.get("reason").text(),
                c.get("preprocessing").list(JsonIn::text), c.get("parameters").map(JsonIn::parameter), scores,
                new Timing(timing.get("fitSeconds").real(), timing.get("predictMicrosPerRow").real()), tuning,
                diagnostics);
    }
}
