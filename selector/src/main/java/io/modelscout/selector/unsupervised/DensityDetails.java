package io.modelscout.selector.unsupervised;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What a density run shows: each candidate's held-out log-likelihood, the joint-probability queries, and, when the
 * task asks to fill the gaps, the imputation comparison.
 *
 * @param recommended the recommended candidate, or empty
 * @param columns the columns every density is over
 * @param likelihoods per candidate evaluated, its mean held-out log-likelihood per row in nats with its spread
 * @param queries each query's estimates beside the empirical frequency
 * @param imputation the imputation comparison and the completed table, when the task asks for it
 * @param notes how the numbers were obtained (base measure, raw columns)
 */
public record DensityDetails(String recommended, List<String> columns, List<Likelihood> likelihoods,
                             List<QueryResult> queries, Optional<ImputationDetails> imputation, List<String> notes)
        implements UnsupervisedDetails {
    /** Copies and checks. */
    public DensityDetails {
        requireNonNull(recommended, "recommended is null");
        columns = List.copyOf(columns);
        likelihoods = List.copyOf(likelihoods);
        queries = List.copyOf(queries);
        requireNonNull(imputation, "imputation is null");
        notes = List.copyOf(notes);
    }

    @Override
    public String goal() {
        return "estimate-density";
    }

    @Override
    public List<String> consoleLines() {
        var lines = new ArrayList<String>();
        for (QueryResult query : queries) {
            lines.add(String.format(Locale.ROOT, "P(%s): empirical %.4f [%.4f, %.4f] on %d held-out rows",
                    query.query(), query.empirical(), query.empiricalLow(), query.empiricalHigh(),
                    query.heldOutRows()));
            for (QueryEstimate estimate : query.estimates()) {
                lines.add(String.format(Locale.ROOT, "  %-28s %.4f [%.4f, %.4f]", estimate.candidate(),
                        estimate.estimate(), estimate.low(), estimate.high()));
            }
        }
        imputation.ifPresent(i -> {
            for (ImputationMethod method : i.methods()) {
                lines.add(String.format(Locale.ROOT, "imputation %-28s NRMSE %s  nominal error %s", method.method(),
                        text(method.nrmse()), text(method.nominalError())));
            }
            i.completedTable().ifPresent(path -> lines.add("completed table (" + i.completedBy() + "): " + path + " in the output folder"));
        });
        return lines;
    }

    private static String text(OptionalDouble value) {
        return value.isPresent() ? String.format(Locale.ROOT, "%.4f", value.getAsDouble()) : "-";
    }

    /**
     * One candidate's held-out log-likelihood.
     *
     * @param candidate the candidate's id
     * @param mean the mean over folds of the mean log-density per held-out row, in nats
     * @param sd the standard deviation over folds
     * @param folds the value of each fold
     */
    public record Likelihood(String candidate, double mean, double sd, List<Double> folds) {
        /** Copies and checks. */
        public Likelihood {
            requireNonNull(candidate, "candidate is null");
            folds = List.copyOf(folds);
        }
    }

    /**
     * One joint-probability query.
     *
     * @param query the condition as the task wrote it
     * @param empirical the share of held-out rows that meet it (pooled over the folds of the first repeat)
     * @param empiricalLow the lower end of its 95 % Wilson interval
     * @param empiricalHigh the upper end
     * @param heldOutRows how many held-out rows it was counted on
     * @param estimates each candidate's estimate
     */
    public record QueryResult(String query, double empirical, double empiricalLow, double empiricalHigh,
                              int heldOutRows, List<QueryEstimate> estimates) {
        /** Copies and checks. */
        public QueryResult {
            requireNonNull(query, "query is null");
            estimates = List.copyOf(estimates);
        }
    }

    /**
     * One candidate's estimate of a query's probability, by sampling from its fits on the training folds.
     *
     * @param candidate the candidate's id
     * @param estimate the share of sampled rows that meet the condition
     * @param low the lower end of its 95 % Wilson interval
     * @param high the upper end
     * @param samples how many rows were sampled
     */
    public record QueryEstimate(String candidate, double estimate, double low, double high, int samples) {
        /** Checks. */
        public QueryEstimate {
            requireNonNull(candidate, "candidate is null");
        }
    }

    /**
     * The imputation comparison on masked known cells.
     *
     * @param maskShare the share of known cells of held-out rows masked in each fold
     * @param maskedNumeric how many numeric cells were masked over all folds
     * @param maskedNominal how many nominal cells were masked over all folds
     * @param methods every method on the same masked cells: each density candidate and the baselines
     * @param completedBy the model that completed the table (the recommended one, fitted on all rows)
     * @param completedTable the file name of the completed table, written in the output folder when one was given
     * @param missingCells how many cells of the data were missing (and completed)
     */
    public record ImputationDetails(double maskShare, int maskedNumeric, int maskedNominal,
                                    List<ImputationMethod> methods, String completedBy,
                                    Optional<String> completedTable, int missingCells) {
        /** Copies and checks. */
        public ImputationDetails {
            methods = List.copyOf(methods);
            requireNonNull(completedBy, "completedBy is null");
            requireNonNull(completedTable, "completedTable is null");
        }
    }

    /**
     * One imputation method's error on the masked cells.
     *
     * @param method a density candidate's id, or a baseline ({@code baseline.mean-mode}, {@code baseline.knn})
     * @param kind {@code density} or {@code baseline}
     * @param nrmse root mean squared error over masked numeric cells divided by each column's standard deviation
     *     (pooled over columns, mean over folds); empty when no numeric cell was masked or the method failed
     * @param nrmseSd its standard deviation over folds
     * @param nominalError the share of masked nominal cells imputed wrong (mean over folds); empty when none was
     *     masked or the method failed
     * @param nominalErrorSd its standard deviation over folds
     * @param status {@code evaluated} or {@code failed}
     * @param reason why it failed; empty when it did not
     */
    public record ImputationMethod(String method, String kind, OptionalDouble nrmse, OptionalDouble nrmseSd,
                                   OptionalDouble nominalError, OptionalDouble nominalErrorSd, String status,
                                   String reason) {
        /** Checks. */
        public ImputationMethod {
            requireNonNull(method, "method is null");
            requireNonNull(kind, "kind is null");
            requireNonNull(nrmse, "nrmse is null");
            requireNonNull(nrmseSd, "nrmseSd is null");
            requireNonNull(nominalError, "nominalError is null");
            requireNonNull(nominalErrorSd, "nominalErrorSd is null");
            requireNonNull(status, "status is null");
            requireNonNull(reason, "reason is null");
        }
    }
}
