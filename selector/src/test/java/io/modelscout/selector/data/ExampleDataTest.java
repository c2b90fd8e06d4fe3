package io.modelscout.selector.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.Column;
import io.modelscout.api.data.NominalColumn;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.api.data.Table;
import io.modelscout.selector.spec.SpecException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The copied example data read as the shared catalogue describes it. */
final class ExampleDataTest {
    static final Path DATA = Path.of("..", "examples", "data");

    static Table read(String file) throws SpecException {
        return DatasetReader.read(DATA.resolve(file), Optional.empty());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "iris.arff,              150,  5,  4,  1",
        "diabetes.arff,          768,  9,  8,  1",
        "credit-g.arff,         1000, 21,  7, 14",
        "soybean.arff,           683, 36,  0, 36",
        "vote.arff,              435, 17,  0, 17",
        "labor.arff,              57, 17,  8,  9",
        "breast-cancer.arff,     286, 10,  0, 10",
        "anneal.arff,            898, 39,  6, 33",
        "glass.arff,             214, 10,  9,  1",
        "wine.arff,              178, 14, 13,  1",
        "hypothyroid.arff,      3772, 30,  7, 23",
        "weather.nominal.arff,    14,  5,  0,  5",
        "weather.numeric.arff,    14,  5,  2,  3",
        "contact-lenses.arff,     24,  5,  0,  5",
        "ionosphere.arff,        351, 35, 34,  1",
        "letter.arff,          20000, 17, 16,  1",
        "breastcancer-wdbc.csv,  569, 32, 31,  1",
        "housing.arff,           506, 14, 13,  1",
        "cpu.arff,               209,  7,  7,  0",
        "autoMpg.arff,           398,  8,  5,  3",
        "cal_housing.arff,     20640,  9,  9,  0",
        "prostate-train.tsv,      67,  9,  9,  0",
    })
    void shapeMatchesTheCatalogue(String file, int rows, int columns, int numeric, int nominal) throws SpecException {
        Table table = read(file);

        assertThat(table.rowCount()).isEqualTo(rows);
        assertThat(table.columnCount()).isEqualTo(columns);
        assertThat(table.columns()).filteredOn(c -> c instanceof NumericColumn).hasSize(numeric);
        assertThat(table.columns()).filteredOn(c -> c instanceof NominalColumn).hasSize(nominal);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "soybean.arff,       2337",
        "vote.arff,           392",
        "labor.arff,          326",
        "breast-cancer.arff,    9",
        "hypothyroid.arff,   6064",
        "autoMpg.arff,          6",
        "anneal.arff,           0",
        "iris.arff,             0",
        "breastcancer-wdbc.csv, 0",
    })
    void missingCellsAreTheUnquotedQuestionMarks(String file, long missing) throws SpecException {
        assertThat(read(file).missingCount()).isEqualTo(missing);
    }

    @Test
    void annealQuotedQuestionMarkIsADeclaredLevel() throws SpecException {
        var family = (CategoricalColumn) read("anneal.arff").column("family");

        assertThat(family.levels()).startsWith("?", "GB");
        assertThat(family.counts()[0]).isPositive();
        assertThat(family.missingCount()).isZero();
    }

    @Test
    void glassTargetKeepsTheLevelThatNeverOccurs() throws SpecException {
        var type = (CategoricalColumn) read("glass.arff").column("Type");

        assertThat(type.levels()).hasSize(7).contains("vehic wind non-float");
        assertThat(Arrays.stream(type.counts()).filter(n -> n > 0).count()).isEqualTo(6);
        assertThat(type.counts()[type.levels().indexOf("vehic wind non-float")]).isZero();
    }

    @Test
    void wineClassIsTheFirstColumn() throws SpecException {
        Table wine = read("wine.arff");

        Column first = wine.column(0);
        assertThat(first.name()).isEqualTo("class");
        assertThat(((CategoricalColumn) first).levels()).containsExactly("1", "2", "3");
        assertThat(((CategoricalColumn) first).counts()).containsExactly(59, 71, 48);
    }

    @Test
    void weatherNumericHasTwoNumericAndThreeNominalColumns() throws SpecException {
        Table weather = read("weather.numeric.arff");

        assertThat(weather.columnNames()).containsExactly("outlook", "temperature", "humidity", "windy", "play");
        assertThat(weather.column("temperature")).isInstanceOf(NumericColumn.class);
        assertThat(weather.column("humidity")).isInstanceOf(NumericColumn.class);
        assertThat(((NumericColumn) weather.column("temperature")).value(0)).isEqualTo(85.0);
        assertThat(((CategoricalColumn) weather.column("windy")).levels()).containsExactly("TRUE", "FALSE");
    }

    @Test
    void wdbcDiagnosisIsNominalWithSortedLevels() throws SpecException {
        Table wdbc = read("breastcancer-wdbc.csv");

        assertThat(wdbc.rowCount()).isEqualTo(569);
        assertThat(wdbc.column(0).name()).isEqualTo("id");
        var diagnosis = (CategoricalColumn) wdbc.column("diagnosis");
        assertThat(diagnosis).isInstanceOf(NominalColumn.class);
        assertThat(diagnosis.levels()).containsExactly("B", "M");
        assertThat(diagnosis.counts()).containsExactly(357, 212);
        assertThat(wdbc.columnNames()).contains("concave points_mean");
    }

    @Test
    void prostateIsReadAsTabSeparatedByItsExtension() throws SpecException {
        Table prostate = read("prostate-train.tsv");

        assertThat(prostate.columnNames()).startsWith("lcavol", "lweight").endsWith("lpsa");
        assertThat(((NumericColumn) prostate.column("pgg45")).value(0)).isEqualTo(0.0);
        assertThat(prostate.allNumeric()).isTrue();
    }

    @Test
    void relationNamesTheTable() throws SpecException {
        assertThat(read("credit-g.arff").name()).isEqualTo("german_credit");
        assertThat(read("labor.arff").name()).isEqualTo("labor-neg-data");
        assertThat(read("breastcancer-wdbc.csv").name()).isEqualTo("breastcancer-wdbc");
    }

    @Test
    void profilesOfRealData() throws SpecException {
        DataProfile glass = Profiler.profile(read("glass.arff"), Optional.of("Type"));
        DataProfile.TargetProfile type = glass.target().orElseThrow();
        assertThat(type.classes()).hasSize(7);
        assertThat(type.presentClasses()).isEqualTo(6);
        assertThat(type.imbalanceRatio()).isEqualTo(76.0 / 9.0);

        DataProfile hypothyroid = Profiler.profile(read("hypothyroid.arff"), Optional.of("Class"));
        assertThat(hypothyroid.missingCells()).isEqualTo(6064);
        assertThat(hypothyroid.rowsWithMissing()).isEqualTo(3772);

        DataProfile soybean = Profiler.profile(read("soybean.arff"), Optional.of("class"));
        assertThat(soybean.missingCells()).isEqualTo(2337);
        assertThat(soybean.rowsWithMissing()).isEqualTo(121);

        DataProfile vote = Profiler.profile(read("vote.arff"), Optional.of("Class"));
        assertThat(vote.rowsWithMissing()).isEqualTo(203);
    }

    @Test
    void largeFilesReadCompletely() throws SpecException {
        // Read speed is measured by the benchmark command, not asserted here.
        assertThat(read("letter.arff").rowCount()).isEqualTo(20_000);
        assertThat(read("cal_housing.arff").rowCount()).isEqualTo(20_640);
    }
}
