package io.modelscout.reports;

import io.modelscout.selector.result.GoalDetails;
import io.modelscout.selector.unsupervised.AnomalyDetails;
import io.modelscout.selector.unsupervised.ClusterDetails;
import io.modelscout.selector.unsupervised.DensityDetails;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code details} of cluster, anomaly and density results in {@code result.json}; the shape is documented in
 * {@link JsonReport}. Each details object starts with its {@code goal}, which says which of the three it is. Long
 * per-row lists (the projected points, the anomaly scores) are written column by column, an array per field, so
 * that the file stays short and readable. A double that is NaN or infinite is written as {@code null} and read back
 * as NaN; an empty optional is {@code null}.
 */
final class UnsupervisedJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> GOALS = List.of("cluster", "detect-anomalies", "estimate-density");

    private UnsupervisedJson() {
    }

    static JsonNode write(GoalDetails details) {
        return switch (details) {
            case ClusterDetails d -> cluster(d);
            case AnomalyDetails d -> anomaly(d);
            case DensityDetails d -> density(d);
            default -> throw new IllegalArgumentException("details of type " + details.getClass().getSimpleName()
                    + " are not details of the goals " + String.join(", ", GOALS));
        };
    }

    /**
     * Reads details written by {@link #write}.
     *
     * @param json the {@code details} node
     * @param path its path, for messages, e.g. {@code $.details}
     * @throws IllegalArgumentException naming the path of the offending key when the node is malformed
     */
    static GoalDetails read(JsonNode json, String path) {
        JsonIn root = new JsonIn(json, path);
        JsonIn goal = root.get("goal");
        return switch (goal.text()) {
            case "cluster" -> readCluster(root);
            case "detect-anomalies" -> readAnomaly(root);
            case "estimate-density" -> readDensity(root);
            default -> throw goal.fail("unknown goal '" + goal.text() + "'; known: " + String.join(", ", GOALS));
        };
    }

    // ---- writing ----

    private static ObjectNode cluster(ClusterDetails d) {
        ObjectNode node = NODES.objectNode();
        node.put("goal", d.goal());
        node.put("recommended", d.recommended());
        node.put("clusterCount", d.clusterCount());
        d.projection().ifPresentOrElse(p -> {
            ObjectNode n = node.putObject("projection");
            n.put("xLabel", p.xLabel());
            n.put("yLabel", p.yLabel());
            numbers(n.putArray("explained"), p.explained());
            n.put("totalRows", p.totalRows());
            ObjectNode points = n.putObject("points");
            ArrayNode rows = points.putArray("row");
            ArrayNode xs = points.putArray("x");
            ArrayNode ys = points.putArray("y");
            ArrayNode clusters = points.putArray("cluster");
            ArrayNode groups = points.putArray("group");
            for (ClusterDetails.Point point : p.points()) {
                rows.add(point.row());
                xs.add(number(point.x()));
                ys.add(number(point.y()));
                clusters.add(point.cluster());
                groups.add(point.group().<JsonNode>map(NODES::stringNode).orElse(NODES.nullNode()));
            }
        }, () -> node.putNull("projection"));
        ArrayNode sizes = node.putArray("sizes");
        for (ClusterDetails.ClusterSize size : d.sizes()) {
            ObjectNode s = sizes.addObject();
            s.put("cluster", size.cluster());
            s.put("size", size.size());
        }
        ArrayNode choices = node.putArray("countChoices");
        for (ClusterDetails.CountCurve curve : d.countChoices()) {
            ObjectNode c = choices.addObject();
            c.put("candidate", curve.candidate());
            c.put("criterion", curve.criterion());
            c.put("higherIsBetter", curve.higherIsBetter());
            ArrayNode counts = c.putArray("counts");
            curve.counts().forEach(counts::add);
            numbers(c.putArray("values"), curve.values());
            c.put("chosen", curve.chosen());
        }
        node.put("reference", d.reference().orElse(null));
        d.confusion().ifPresentOrElse(c -> {
            ObjectNode n = node.putObject("confusion");
            strings(n.putArray("clusters"), c.clusters());
            strings(n.putArray("groups"), c.groups());
            ArrayNode counts = n.putArray("counts");
            for (List<Integer> row : c.counts()) {
                ArrayNode r = counts.addArray();
                row.forEach(r::add);
            }
        }, () -> node.putNull("confusion"));
        strings(node.putArray("notes"), d.notes());
        return node;
    }

    private static ObjectNode anomaly(AnomalyDetails d) {
        ObjectNode node = NODES.objectNode();
        node.put("goal", d.goal());
        node.put("recommended", d.recommended());
        node.put("reference", d.reference().orElse(null));
        node.put("anomalyLevel", d.anomalyLevel().orElse(null));
        d.knownAnomalies().ifPresentOrElse(k -> node.put("knownAnomalies", k), () -> node.putNull("knownAnomalies"));
        node.put("basis", d.basis());
        strings(node.putArray("ensembleMembers"), d.ensembleMembers());
        ArrayNode distributions = node.putArray("distributions");
        for (AnomalyDetails.ScoreDistribution distribution : d.distributions()) {
            ObjectNode n = distributions.addObject();
            n.put("candidate", distribution.candidate());
            numbers(n.putArray("scores"), distribution.scores());
        }
        ArrayNode known = node.putArray("knownAnomaly");
        d.knownAnomaly().forEach(known::add);
        strings(node.putArray("columns"), d.columns());
        ArrayNode top = node.putArray("top");
        for (AnomalyDetails.TopRow row : d.top()) {
            ObjectNode n = top.addObject();
            n.put("row", row.row());
            n.set("score", number(row.score()));
            strings(n.putArray("values"), row.values());
            row.known().ifPresentOrElse(k -> n.put("known", k), () -> n.putNull("known"));
        }
        curves(node.putArray("roc"), d.roc());
        curves(node.putArray("precisionRecall"), d.precisionRecall());
        strings(node.putArray("notes"), d.notes());
        return node;
    }

    private static void curves(ArrayNode array, List<AnomalyDetails.Curve> curves) {
        for (AnomalyDetails.Curve curve : curves) {
            ObjectNode n = array.addObject();
            n.put("candidate", curve.candidate());
            numbers(n.putArray("x"), curve.x());
            numbers(n.putArray("y"), curve.y());
            n.set("area", number(curve.area()));
        }
    }

    private static ObjectNode density(DensityDetails d) {
        ObjectNode node = NODES.objectNode();
        node.put("goal", d.goal());
        node.put("recommended", d.recommended());
        strings(node.putArray("columns"), d.columns());
        ArrayNode likelihoods = node.putArray("likelihoods");
        for (DensityDetails.Likelihood likelihood : d.likelihoods()) {
            ObjectNode n = likelihoods.addObject();
            n.put("candidate", likelihood.candidate());
            n.set("mean", number(likelihood.mean()));
            n.set("sd", number(likelihood.sd()));
            numbers(n.putArray("folds"), likelihood.folds());
        }
        ArrayNode queries = node.putArray("queries");
        for (DensityDetails.QueryResult query : d.queries()) {
            ObjectNode n = queries.addObject();
            n.put("query", query.query());
            n.set("empirical", number(query.empirical()));
            n.set("empiricalLow", number(query.empiricalLow()));
            n.set("empiricalHigh", number(query.empiricalHigh()));
            n.put("heldOutRows", query.heldOutRows());
            ArrayNode estimates = n.putArray("estimates");
            for (DensityDetails.QueryEstimate estimate : query.estimates()) {
                ObjectNode e = estimates.addObject();
                e.put("candidate", estimate.candidate());
                e.set("estimate", number(estimate.estimate()));
                e.set("low", number(estimate.low()));
                e.set("high", number(estimate.high()));
                e.put("samples", estimate.samples());
            }
        }
        d.imputation().ifPresentOrElse(i -> {
            ObjectNode n = node.putObject("imputation");
            n.set("maskShare", number(i.maskShare()));
            n.put("maskedNumeric", i.maskedNumeric());
            n.put("maskedNominal", i.maskedNominal());
            ArrayNode methods = n.putArray("methods");
            for (DensityDetails.ImputationMethod method : i.methods()) {
                ObjectNode m = methods.addObject();
                m.put("method", method.method());
                m.put("kind", method.kind());
                m.set("nrmse", optional(method.nrmse()));
                m.set("nrmseSd", optional(method.nrmseSd()));
                m.set("nominalError", optional(method.nominalError()));
                m.set("nominalErrorSd", optional(method.nominalErrorSd()));
                m.put("status", method.status());
                m.put("reason", method.reason());
            }
            n.put("completedBy", i.completedBy());
            n.put("completedTable", i.completedTable().orElse(null));
            n.put("missingCells", i.missingCells());
        }, () -> node.putNull("imputation"));
        strings(node.putArray("notes"), d.notes());
        return node;
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

    /** An optional value; a present value that is not finite cannot be told from an absent one, so it is absent. */
    private static JsonNode optional(OptionalDouble value) {
        return value.isPresent() ? number(value.getAsDouble()) : NODES.nullNode();
    }

    // ---- reading ----

    private static ClusterDetails readCluster(JsonIn root) {
        JsonIn p = root.get("projection");
        Optional<ClusterDetails.Projection> projection = p.isNull() ? Optional.empty() : Optional.of(projection(p));
        List<ClusterDetails.ClusterSize> sizes = root.get("sizes").list(s -> new ClusterDetails.ClusterSize(
                s.get("cluster").integer(), s.get("size").integer()));
        List<ClusterDetails.CountCurve> choices = root.get("countChoices").list(c -> {
            JsonIn counts = c.get("counts");
            JsonIn values = c.get("values");
            List<Integer> k = counts.list(JsonIn::integer);
            List<Double> v = values.list(JsonIn::real);
            if (k.size() != v.size()) {
                throw values.fail("expected " + k.size() + " values, one per count, got " + v.size());
            }
            return new ClusterDetails.CountCurve(c.get("candidate").text(), c.get("criterion").text(),
                    c.get("higherIsBetter").bool(), k, v, c.get("chosen").integer());
        });
        JsonIn c = root.get("confusion");
        Optional<ClusterDetails.Confusion> confusion = Optional.empty();
        if (!c.isNull()) {
            List<String> clusters = c.get("clusters").list(JsonIn::text);
            List<String> groups = c.get("groups").list(JsonIn::text);
            JsonIn countsNode = c.get("counts");
            List<List<Integer>> counts = countsNode.list(row -> {
                List<Integer> values = row.list(JsonIn::integer);
                if (values.size() != groups.size()) {
                    throw row.fail("expected " + groups.size() + " counts, one per group, got " + values.size());
                }
                return values;
            });
            if (counts.size() != clusters.size()) {
                throw countsNode.fail("expected " + clusters.size() + " rows, one per cluster, got " + counts.size());
            }
            confusion = Optional.of(new ClusterDetails.Confusion(clusters, groups, counts));
        }
        return new ClusterDetails(root.get("recommended").text(), root.get("clusterCount").integer(), projection,
                sizes, choices, Optional.ofNullable(root.get("reference").textOrNull()), confusion,
                root.get("notes").list(JsonIn::text));
    }

    private static ClusterDetails.Projection projection(JsonIn p) {
        JsonIn points = p.get("points");
        List<Integer> rows = points.get("row").list(JsonIn::integer);
        List<Double> xs = points.get("x").list(JsonIn::real);
        List<Double> ys = points.get("y").list(JsonIn::real);
        List<Integer> clusters = points.get("cluster").list(JsonIn::integer);
        List<Optional<String>> groups = points.get("group").list(g -> Optional.ofNullable(g.textOrNull()));
        for (var named : List.of(new Sized("x", xs.size()), new Sized("y", ys.size()),
                new Sized("cluster", clusters.size()), new Sized("group", groups.size()))) {
            if (named.size() != rows.size()) {
                throw points.get(named.name()).fail("expected " + rows.size() + " values, one per row, got "
                        + named.size());
            }
        }
        var list = new ArrayList<ClusterDetails.Point>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            list.add(new ClusterDetails.Point(rows.get(i), xs.get(i), ys.get(i), clusters.get(i), groups.get(i)));
        }
        return new ClusterDetails.Projection(p.get("xLabel").text(), p.get("yLabel").text(),
                p.get("explained").list(JsonIn::real), list, p.get("totalRows").integer());
    }

    private record Sized(String name, int size) {
    }

    private static AnomalyDetails readAnomaly(JsonIn root) {
        JsonIn known = root.get("knownAnomalies");
        return new AnomalyDetails(root.get("recommended").text(),
                Optional.ofNullable(root.get("reference").textOrNull()),
                Optional.ofNullable(root.get("anomalyLevel").textOrNull()),
                known.isNull() ? Optional.empty() : Optional.of(known.integer()), root.get("basis").text(),
                root.get("ensembleMembers").list(JsonIn::text),
                root.get("distributions").list(n -> new AnomalyDetails.ScoreDistribution(n.get("candidate").text(),
                        n.get("scores").list(JsonIn::real))),
                root.get("knownAnomaly").list(JsonIn::bool), root.get("columns").list(JsonIn::text),
                root.get("top").list(n -> new AnomalyDetails.TopRow(n.get("row").integer(), n.get("score").real(),
                        n.get("values").list(JsonIn::text), n.get("known").isNull() ? Optional.empty()
                        : Optional.of(n.get("known").bool()))),
                root.get("roc").list(UnsupervisedJson::curve),
                root.get("precisionRecall").list(UnsupervisedJson::curve),
                root.get("notes").list(JsonIn::text));
    }

    private static AnomalyDetails.Curve curve(JsonIn n) {
        List<Double> x = n.get("x").list(JsonIn::real);
        JsonIn yNode = n.get("y");
        List<Double> y = yNode.list(JsonIn::real);
        if (x.size() != y.size()) {
            throw yNode.fail("expected " + x.size() + " values, one per x, got " + y.size());
        }
        return new AnomalyDetails.Curve(n.get("candidate").text(), x, y, n.get("area").real());
    }

    private static DensityDetails readDensity(JsonIn root) {
        List<DensityDetails.Likelihood> likelihoods = root.get("likelihoods").list(n -> new DensityDetails.Likelihood(
                n.get("candidate").text(), n.get("mean").real(), n.get("sd").real(), n.get("folds").list(JsonIn::real)));
        List<DensityDetails.QueryResult> queries = root.get("queries").list(n -> new DensityDetails.QueryResult(
                n.get("query").text(), n.get("empirical").real(), n.get("empiricalLow").real(),
                n.get("empiricalHigh").real(), n.get("heldOutRows").integer(),
                n.get("estimates").list(e -> new DensityDetails.QueryEstimate(e.get("candidate").text(),
                        e.get("estimate").real(), e.get("low").real(), e.get("high").real(),
                        e.get("samples").integer()))));
        JsonIn i = root.get("imputation");
        Optional<DensityDetails.ImputationDetails> imputation = i.isNull() ? Optional.empty()
                : Optional.of(new DensityDetails.ImputationDetails(i.get("maskShare").real(),
                        i.get("maskedNumeric").integer(), i.get("maskedNominal").integer(),
                        i.get("methods").list(m -> new DensityDetails.ImputationMethod(m.get("method").text(),
                                m.get("kind").text(), m.get("nrmse").optionalReal(), m.get("nrmseSd").optionalReal(),
                                m.get("nominalError").optionalReal(), m.get("nominalErrorSd").optionalReal(),
                                m.get("status").text(), m.get("reason").text())),
                        i.get("completedBy").text(), Optional.ofNullable(i.get("completedTable").textOrNull()),
                        i.get("missingCells").integer()));
        return new DensityDetails(root.get("recommended").text(), root.get("columns").list(JsonIn::text), likelihoods,
                queries, imputation, root.get("notes").list(JsonIn::text));
    }
}
