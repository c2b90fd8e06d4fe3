package io.modelscout.selector.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelscout.api.data.Column;
import io.modelscout.api.data.NominalColumn;
import io.modelscout.api.data.NumericColumn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

final class FoldsTest {

    /** 23 rows of three declared classes, one of which ("never") never occurs: 15 "a", 8 "b". */
    private static NominalColumn classes() {
        int[] codes = new int[23];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = i % 5 < 3 ? 0 : 1;
        }
        return NominalColumn.of("class", List.of("a", "b", "never"), codes);
    }

    private static NumericColumn numbers(int n) {
        double[] values = new double[n];
        Arrays.setAll(values, i -> i * 1.5);
        return NumericColumn.of("y", values);
    }

    @Test
    void everyRowIsInExactlyOneTestFoldPerRepeat() {
        Column target = classes();
        List<Split> splits = Folds.make(target, 4, 3, 7);

        assertThat(splits).hasSize(12);
        for (int r = 0; r < 3; r++) {
            int[] seen = new int[target.size()];
            for (Split split : splits.subList(r * 4, r * 4 + 4)) {
                assertThat(split.repeat()).isEqualTo(r);
                for (int row : split.test()) {
                    seen[row]++;
                }
            }
            assertThat(seen).as("test-fold count per row in repeat %d", r).containsOnly(1);
        }
        assertThat(splits).extracting(Split::fold).containsExactly(0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3);
    }

    @Test
    void trainAndTestAreDisjointAscendingAndTogetherAllRows() {
        Column target = classes();
        for (Split split : Folds.make(target, 5, 2, 11)) {
            var test = new HashSet<Integer>();
            Arrays.stream(split.test()).forEach(test::add);
            var all = new ArrayList<Integer>();
            for (int row : split.train()) {
                assertThat(test).as("train row %d is also a test row", row).doesNotContain(row);
                all.add(row);
            }
            Arrays.stream(split.test()).forEach(all::add);
            assertThat(all).containsExactlyInAnyOrderElementsOf(IntStream.range(0, target.size()).boxed().toList());
            assertThat(split.train()).isSorted();
            assertThat(split.test()).isSorted();
            assertThat(split.test()).isNotEmpty();
        }
    }

    @Test
    void stratifiedFoldsKeepEachClassWithinOneRowOfItsIdealShare() {
        NominalColumn target = classes();
        int folds = 4;
        for (Split split : Folds.make(target, folds, 3, 3)) {
            int[] perClass = new int[3];
            for (int row : split.test()) {
                perClass[target.code(row)]++;
            }
            assertThat((double) perClass[0]).isBetween(15.0 / folds - 1, 15.0 / folds + 1);
            assertThat((double) perClass[1]).isBetween(8.0 / folds - 1, 8.0 / folds + 1);
            assertThat(perClass[2]).isZero();
            // Fold sizes themselves stay within one row of n / k.
            assertThat((double) split.test().length).isBetween(23.0 / folds - 1, 23.0 / folds + 1);
        }
    }

    @Test
    void stratificationHoldsForAVeryRareClass() {
        // 20 rows, class "rare" only 3 times: with 3 folds every fold gets exactly one.
        int[] codes = new int[20];
        codes[4] = 1;
        codes[11] = 1;
        codes[17] = 1;
        NominalColumn target = NominalColumn.of("c", List.of("common", "rare"), codes);
        for (Split split : Folds.make(target, 3, 4, 99)) {
            long rare = Arrays.stream(split.test()).filter(row -> target.code(row) == 1).count();
            assertThat(rare).isEqualTo(1);
        }
    }

    @Test
    void theSameSeedGivesIdenticalSplitsAndAnotherSeedDifferentOnes() {
        Column target = classes();
        List<Split> first = Folds.make(target, 5, 2, 42);
        List<Split> again = Folds.make(target, 5, 2, 42);
        List<Split> other = Folds.make(target, 5, 2, 43);

        assertThat(testFolds(again)).isEqualTo(testFolds(first));
        assertThat(trainFolds(again)).isEqualTo(trainFolds(first));
        assertThat(testFolds(other)).isNotEqualTo(testFolds(first));
    }

    @Test
    void repeatsReshuffle() {
        List<Split> splits = Folds.make(numbers(40), 4, 3, 5);
        List<List<Integer>> tests = testFolds(splits);

        assertThat(tests.subList(0, 4)).isNotEqualTo(tests.subList(4, 8));
        assertThat(tests.subList(4, 8)).isNotEqualTo(tests.subList(8, 12));
        assertThat(tests.subList(0, 4)).isNotEqualTo(tests.subList(8, 12));
    }

    @Test
    void aNumericTargetIsSplitIntoFoldsOfNearlyEqualSize() {
        NumericColumn target = numbers(10);
        List<Split> splits = Folds.make(target, 3, 1, 1);

        assertThat(splits).hasSize(3);
        assertThat(splits).extracting(s -> s.test().length).containsExactlyInAnyOrder(4, 3, 3);
        var all = new ArrayList<Integer>();
        splits.forEach(s -> Arrays.stream(s.test()).forEach(all::add));
        assertThat(all).containsExactlyInAnyOrderElementsOf(IntStream.range(0, 10).boxed().toList());
        // Shuffled, not consecutive blocks of rows.
        assertThat(testFolds(splits)).isNotEqualTo(List.of(List.of(0, 1, 2, 3), List.of(4, 5, 6), List.of(7, 8, 9)));
    }

    @Test
    void asManyFoldsAsRowsIsLeaveOneOut() {
        List<Split> splits = Folds.make(numbers(5), 5, 1, 0);

        assertThat(splits).allSatisfy(s -> {
            assertThat(s.test()).hasSize(1);
            assertThat(s.train()).hasSize(4);
        });
    }

    @Test
    void rejectsMoreFoldsThanRowsAndFewerThanTwo() {
        assertThatThrownBy(() -> Folds.make(numbers(4), 5, 1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("5 folds for 4 rows");
        assertThatThrownBy(() -> Folds.make(numbers(4), 1, 1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("1 folds for 4 rows");
    }

    @Test
    void seedsDependOnEveryInput() {
        long base = Seeds.mix(42, "core.plugin", 0);

        assertThat(Seeds.mix(42, "core.plugin", 0)).isEqualTo(base);
        assertThat(Seeds.mix(43, "core.plugin", 0)).isNotEqualTo(base);
        assertThat(Seeds.mix(42, "core.plugim", 0)).isNotEqualTo(base);
        assertThat(Seeds.mix(42, "core.plugin", 1)).isNotEqualTo(base);
        var distinct = new HashSet<Long>();
        for (int i = 0; i < 1000; i++) {
            distinct.add(Seeds.mix(42, "folds", i));
        }
        assertThat(distinct).hasSize(1000);
    }

    private static List<List<Integer>> testFolds(List<Split> splits) {
        return splits.stream().map(s -> Arrays.stream(s.test()).boxed().toList()).toList();
    }

    private static List<List<Integer>> trainFolds(List<Split> splits) {
        return splits.stream().map(s -> Arrays.stream(s.train()).boxed().toList()).toList();
    }
}
