package io.modelscout.reports;

import io.modelscout.selector.result.CandidateResult;
import io.modelscout.selector.result.CandidateResult.Status;
import io.modelscout.selector.result.GoalDetails;
import io.modelscout.selector.result.SelectionResult;
import io.modelscout.selector.sequence.SequenceDetails;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The report section of sequence results: builds the view that the partial template {@code sequence.mustache} renders
 * (every value escaped by Mustache): per-candidate metrics with the kind of each model, the learned transition matrix
 * as a heat map, and the generated continuations.
 */
final class SequenceSection {
    /** Side of one heat-map cell in pixels. */
    private static final int CELL = 40;
    /** Room for the state labels left of and above the heat map. */
    private static final int MARGIN = 40;

    private SequenceSection() {
    }

    record View(String task, String shape, String data, String evaluation, boolean hasTest, String testFile,
                List<String> metrics, List<Row> rows, boolean hasRivals, String rivalNote, boolean hasHeat, Heat heat,
                boolean hasContinuations, String continuationNote, List<ContinuationRow> continuations) {
    }

    record Row(String id, String name, String kind, String family, String status, List<String> values,
               String rowClass) {
    }

    record Heat(String width, String height, String alt, String caption, List<Cell> cells, List<Label> labels) {
    }

    record Cell(String x, String y, String size, String opacity, String title, boolean showValue, String tx,
                String ty, String text, String textClass) {
    }

    record Label(String x, String y, String anchor, String text) {
    }

    record ContinuationRow(String sequence, String prefix, String generated, String actual, String seed) {
    }

    /** The view of the section, or null when there is nothing to show. */
    static Object view(GoalDetails details, SelectionResult result) {
        if (!(details instanceof SequenceDetails d)) {
            return null;
        }
        var task = result.task();
        List<String> metrics = task.metrics();
        var ranked = ReportModel.ranked(result.candidates(), task.metric(), task.higherIsBetter());
        String winner = result.recommendation().map(SelectionResult.Recommendation::candidate).orElse("");
        var rows = new ArrayList<Row>();
        for (CandidateResult c : ranked) {
            if (c.status() == Status.EXCLUDED) {
                continue;
            }
            var values = new ArrayList<String>();
            for (String metric : metrics) {
                var score = c.scores().get(metric);
                // one split (a fixed test file) has no spread to show; an error count is a whole number
                values.add(score == null ? "" : score.folds().size() > 1 ? Numbers.meanSd(score.mean(), score.sd())
                        : metric.equals("position_errors") ? String.valueOf(Math.round(score.mean()))
                        : Numbers.score(score.mean()));
            }
            String kind = d.rivals().contains(c.id()) ? "order-free rival"
                    : c.capabilities().contains("SEQUENTIAL") ? "sequence model" : "sequence model, order-free";
            rows.add(new Row(c.id(), c.name(), kind, c.family(), c.status().id(), values,
                    c.id().equals(winner) ? "winner" : c.status() == Status.EVALUATED ? "ranked" : "dim"));
        }
        String rivalNote = d.rivals().isEmpty() ? ""
                : d.rivals().size() + " order-free classifiers saw each position as an independent column on the same "
                        + "splits; a sequence model that beats them gains from the order of the positions.";
        Heat heat = d.transitions().map(SequenceSection::heat).orElse(null);
        var continuations = new ArrayList<ContinuationRow>();
        for (SequenceDetails.Continuation c : d.continuations()) {
            continuations.add(new ContinuationRow(c.sequence(), String.join(" ", c.prefix()),
                    String.join(" ", c.generated()), String.join(" ", c.actual()), String.valueOf(c.seed())));
        }
        String continuationNote = d.continuations().isEmpty() ? ""
                : "Drawn by " + d.continuations().getFirst().candidate() + ", fitted on "
                        + (d.testFile().isPresent() ? "the training file" : "the training part of the first split")
                        + ", from the start of held-out sequences it never saw; each draw has its own seed, so "
                        + "every run prints the same symbols.";
        return new View(d.task(), d.shape(), d.data(), d.evaluation(), d.testFile().isPresent(),
                d.testFile().orElse(""), metrics, rows, !d.rivals().isEmpty(), rivalNote, heat != null, heat,
                !continuations.isEmpty(), continuationNote, continuations);
    }

    /** The matrix as a grid of squares whose opacity is the probability. */
    static Heat heat(SequenceDetails.Transitions t) {
        List<List<Double>> m = t.matrix();
        int n = m.size();
        int size = MARGIN + n * CELL + 8;
        var cells = new ArrayList<Cell>();
        var labels = new ArrayList<Label>();
        boolean values = n <= 12;
        var strongest = new ArrayList<String>();
        for (int i = 0; i < n; i++) {
            labels.add(new Label(c(MARGIN - 6), c(MARGIN + i * CELL + CELL / 2.0 + 4), "end", "s" + (i + 1)));
            labels.add(new Label(c(MARGIN + i * CELL + CELL / 2.0), c(MARGIN - 8), "middle", "s" + (i + 1)));
            int best = 0;
            for (int j = 0; j < n; j++) {
                double p = m.get(i).get(j);
                double shown = Double.isFinite(p) ? Math.max(0, Math.min(1, p)) : 0;
                if (shown > m.get(i).get(best)) {
                    best = j;
                }
                String text = String.format(Locale.ROOT, "%.2f", shown);
                cells.add(new Cell(c(MARGIN + j * CELL), c(MARGIN + i * CELL), String.valueOf(CELL - 2),
                        String.format(Locale.ROOT, "%.3f", 0.05 + 0.95 * shown),
                        "from s" + (i + 1) + " to s" + (j + 1) + ": " + text, values,
                        c(MARGIN + j * CELL + (CELL - 2) / 2.0), c(MARGIN + i * CELL + (CELL - 2) / 2.0 + 4), text,
                        shown > 0.5 ? "on" : ""));
            }
            strongest.add("s" + (i + 1) + " to s" + (best + 1) + " " + String.format(Locale.ROOT, "%.2f",
                    m.get(i).get(best)));
        }
        String alt = "Heat map of the " + n + " by " + n + " state transition matrix of " + t.candidate()
                + "; row i, column j is the probability of moving from state i to state j. Largest per row: "
                + String.join("; ", strongest) + ".";
        String caption = "Transition matrix of " + t.candidate() + " (" + t.source() + "): row = from, column = to;"
                + " darker is more probable.";
        return new Heat(String.valueOf(size), String.valueOf(size), alt, caption, cells, labels);
    }

    private static String c(double value) {
        return Numbers.coordinate(value);
    }
}
