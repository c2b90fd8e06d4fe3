package io.modelscout.plugins.weka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.Column;
import io.modelscout.api.data.NominalColumn;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.api.data.Table;
import io.modelscout.api.model.Classifier;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import weka.classifiers.Evaluation;
import weka.classifiers.bayes.NaiveBayes;
import weka.classifiers.trees.J48;
import weka.core.Attribute;
import weka.core.Instances;
import weka.core.converters.ConverterUtils.DataSource;

/**
 * Our adapters, fitted on Weka's own cross-validation folds of the Pima diabetes data, reach exactly the accuracy
 * Weka's {@code Evaluation.crossValidateModel(cls, data, 10, new Random(1))} reports.
 */
final class WekaAgreementTest {
    private static final int FOLDS = 10;
    private static final long CV_SEED = 1;
    private static final String ROW_ID = "__row_id";

    private static Instances data;
    private static Table table;
    private static List<Fold> folds;

    /** The rows of one fold, as indices into the file: training rows in the order Weka trains on them. */
    private record Fold(int[] train, int[] test) {
    }

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = WekaAgreementTest.class.getResourceAsStream("/diabetes.arff")) {
            assertThat(in).as("diabetes.arff on the test class path").isNotNull();
            data = new DataSource(in).getDataSet();
        }
        data.setClassIndex(data.numAttributes() - 1);
        table = toTable(data);
        folds = wekaFolds(data);
    }

    @Test
    void j48AccuracyEqualsWekas() throws Exception {
        double weka = wekaAccuracy(new J48());
        double ours = ourAccuracy(new J48Plugin());
        System.out.printf("J48 10-fold CV accuracy on diabetes: Weka %.12f, ModelScout %.12f%n", weka, ours);
        assertThat(ours).isCloseTo(weka, within(1e-9));
    }

    @Test
    void naiveBayesAccuracyEqualsWekas() throws Exception {
        double weka = wekaAccuracy(new NaiveBayes());
        double ours = ourAccuracy(new NaiveBayesPlugin());
        System.out.printf("NaiveBayes 10-fold CV accuracy on diabetes: Weka %.12f, ModelScout %.12f%n", weka, ours);
        assertThat(ours).isCloseTo(weka, within(1e-9));
    }

    @Test
    void foldsPartitionTheRowsLikeWekasStratifiedCrossValidation() {
        var tested = new ArrayList<Integer>();
        for (Fold fold : folds) {
            assertThat(fold.train().length + fold.test().length).isEqualTo(data.numInstances());
            for (int row : fold.test()) {
                tested.add(row);
            }
        }
        Collections.sort(tested);
        assertThat(tested).as("every row is tested exactly once").hasSize(data.numInstances())
                .doesNotHaveDuplicates();
    }

    private static double wekaAccuracy(weka.classifiers.Classifier classifier) throws Exception {
        var evaluation = new Evaluation(data);
        evaluation.crossValidateModel(classifier, data, FOLDS, new Random(CV_SEED));
        return evaluation.pctCorrect() / 100;
    }

    private static double ourAccuracy(ModelPlugin plugin) throws Exception {
        String target = data.classAttribute().name();
        int correct = 0;
        int total = 0;
        for (Fold fold : folds) {
            Table train = table.select(fold.train());
            Table test = table.select(fold.test());
            var request = new FitRequest(Goal.CLASSIFY, train.without(target), Optional.of(train.column(target)),
                    plugin.parameters().defaults(), 1);
            var model = (Classifier) plugin.fit(request);
            int[] labels = model.predict(test.without(target)).labels();
            var truth = (CategoricalColumn) test.column(target);
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == truth.code(i)) {
                    correct++;
                }
                total++;
            }
        }
        return correct / (double) total;
    }

    /**
     * Weka's folds as row indices: {@code crossValidateModel} copies the data, calls {@code randomize(random)} and
     * {@code stratify(folds)}, then per fold {@code trainCV(folds, i, random)} (which shuffles the training rows
     * with the same generator) and {@code testCV(folds, i)}. The same calls, with a fresh generator of the same
     * seed, on a copy carrying a row-id attribute, give the rows it used; none of them looks at other attributes.
     */
    private static List<Fold> wekaFolds(Instances original) {
        var copy = new Instances(original);
        copy.insertAttributeAt(new Attribute(ROW_ID), copy.numAttributes());
        int id = copy.numAttributes() - 1;
        for (int i = 0; i < copy.numInstances(); i++) {
            copy.instance(i).setValue(id, i);
        }
        assertThat(copy.classIndex()).isEqualTo(original.classIndex());
        var random = new Random(CV_SEED);
        copy.randomize(random);
        copy.stratify(FOLDS);
        var result = new ArrayList<Fold>();
        for (int i = 0; i < FOLDS; i++) {
            Instances train = copy.trainCV(FOLDS, i, random);
            Instances test = copy.testCV(FOLDS, i);
            result.add(new Fold(ids(train, id), ids(test, id)));
        }
        return result;
    }

    private static int[] ids(Instances rows, int id) {
        int[] out = new int[rows.numInstances()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (int) rows.instance(i).value(id);
        }
        return out;
    }

    /** A test-side reading of Weka instances into a table: numeric and nominal attributes only. */
    static Table toTable(Instances instances) {
        var columns = new ArrayList<Column>();
        for (int j = 0; j < instances.numAttributes(); j++) {
            Attribute attribute = instances.attribute(j);
            if (attribute.isNumeric()) {
                double[] values = new double[instances.numInstances()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = instances.instance(i).isMissing(j) ? Double.NaN : instances.instance(i).value(j);
                }
                columns.add(NumericColumn.of(attribute.name(), values));
            } else if (attribute.isNominal()) {
                var levels = new ArrayList<String>();
                for (int k = 0; k < attribute.numValues(); k++) {
                    levels.add(attribute.value(k));
                }
                int[] codes = new int[instances.numInstances()];
                for (int i = 0; i < codes.length; i++) {
                    codes[i] = instances.instance(i).isMissing(j)
                            ? CategoricalColumn.MISSING
                            : (int) instances.instance(i).value(j);
                }
                columns.add(NominalColumn.of(attribute.name(), levels, codes));
            } else {
                throw new IllegalArgumentException("attribute '" + attribute.name() + "' is neither numeric nor nominal");
            }
        }
        return new Table(instances.relationName(), columns);
    }
}
