package io.modelscout.selector.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.selector.spec.SpecException;
import io.modelscout.selector.spec.TaskSpec;
import io.modelscout.selector.spec.TaskSpecReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class SequenceReaderTest {
    @TempDir
    Path dir;

    private TaskSpec task(String data, String sequences) throws Exception {
        Files.writeString(dir.resolve("d.csv"), data);
        Path task = dir.resolve("task.yaml");
        Files.writeString(task, "goal: model-sequences\ndata: {path: d.csv}\nsequences: {" + sequences + "}\n"
                + "evaluation: {folds: 2}\n");
        return TaskSpecReader.read(task);
    }

    private static String message(TaskSpec spec) {
        try {
            SequenceReader.read(spec);
        } catch (SpecException e) {
            return e.getMessage();
        }
        throw new AssertionError("no error");
    }

    @Test
    void readsTheLongShapeIntoOffsetsFeaturesAndLabels() throws Exception {
        var spec = task("seq,pos,x,tag\nb,1,0.5,H\nb,2,0.7,C\na,1,0.1,C\na,2,0.2,C\na,3,0.3,H\n",
                "task: label, shape: long, id: seq, order: pos, label: tag");
        SequenceData data = SequenceReader.read(spec).train();
        assertThat(data.ids()).containsExactly("b", "a");
        assertThat(data.sequences().offsets()).containsExactly(0, 2, 5);
        assertThat(data.sequences().positions().columnNames()).containsExactly("x");
        CategoricalColumn labels = data.sequences().labels().orElseThrow();
        assertThat(labels.label(1)).isEqualTo("C");
        assertThat(labels.label(4)).isEqualTo("H");
    }

    @Test
    void readsTheWideShapeAsOneSymbolColumnWithOneSetOfLevels() throws Exception {
        var spec = task("name,p1,p2,p3,cls\ns1,A,C,G,x\ns2,T,T,A,y\n",
                "task: classify, shape: wide, id: name, class: cls");
        SequenceData data = SequenceReader.read(spec).train();
        assertThat(data.ids()).containsExactly("s1", "s2");
        var symbols = (CategoricalColumn) data.sequences().positions().column(0);
        assertThat(symbols.name()).isEqualTo(SequenceReader.SYMBOL);
        assertThat(symbols.label(3)).isEqualTo("T");
        assertThat(symbols.label(5)).isEqualTo("A");
        assertThat(data.sequences().classes().orElseThrow().label(1)).isEqualTo("y");
    }

    @Test
    void readsNumericSeriesAsOneValueColumn() throws Exception {
        var spec = task("cls,t1,t2\n1,0.5,0.25\n2,1.5,2.5\n", "task: classify, shape: wide, class: cls");
        SequenceData data = SequenceReader.read(spec).train();
        var values = (NumericColumn) data.sequences().positions().column(0);
        assertThat(values.toArray()).containsExactly(0.5, 0.25, 1.5, 2.5);
        assertThat(data.ids()).containsExactly("row 1", "row 2");
    }

    @Test
    void readsTheSparseFormatIntoBinaryColumns() throws Exception {
        Path file = dir.resolve("s.train");
        Files.writeString(file, "2 2 4\n1 1 2 0 3 1\n1 2 1 2 0\n2 1 0 1\n");
        Path task = dir.resolve("sparse.yaml");
        Files.writeString(task, "goal: model-sequences\ndata: {path: s.train}\nsequences: {task: label, shape: sparse}\n");
        SequenceData data = SequenceReader.read(TaskSpecReader.read(task)).train();
        assertThat(data.sequences().positions().columnNames()).containsExactly("f0", "f1", "f2", "f3");
        assertThat(data.sequences().positions().toMatrix()).isEqualTo(new double[][] {
                {1, 0, 0, 1}, {0, 0, 1, 0}, {0, 0, 0, 0}});
        assertThat(data.sequences().labels().orElseThrow().toCodes()).containsExactly(1, 0, 1);
        assertThat(data.sequences().offsets()).containsExactly(0, 2, 3);
    }

    @Test
    void namesTheRowOfEachBadInput() throws Exception {
        assertThat(message(task("seq,pos,x,tag\na,2,1,H\na,1,2,C\n",
                "task: label, shape: long, id: seq, order: pos, label: tag")))
                .contains("row 2", "position 1", "comes after position 2");
        assertThat(message(task("seq,pos,x,tag\na,1,1,H\nb,1,2,C\na,2,2,C\n",
                "task: label, shape: long, id: seq, order: pos, label: tag")))
                .contains("row 3", "sequence 'a' appears again", "row 1");
        assertThat(message(task("seq,pos,x,tag\na,1,1,H\na,2,2,?\n",
                "task: label, shape: long, id: seq, order: pos, label: tag")))
                .contains("row 2", "has no label", "every position");
        assertThat(message(task("p1,p2,p3,cls\nA,C,G,x\nT,T,?,y\n", "task: classify, shape: wide, class: cls")))
                .contains("row 2 has 2 positions, row 1 has 3");
        assertThat(message(task("p1,p2,cls\nA,C,x\n?,?,y\n", "task: classify, shape: wide, class: cls")))
                .contains("row 2", "empty sequence");
    }

    @Test
    void rejectsAMalformedSparseLine() throws Exception {
        Path file = dir.resolve("s.train");
        Files.writeString(file, "1 2 4\n1 1 2 0 3\n");
        Path task = dir.resolve("sparse.yaml");
        Files.writeString(task, "goal: model-sequences\ndata: {path: s.train}\nsequences: {task: label, shape: sparse}\n");
        TaskSpec spec = TaskSpecReader.read(task);
        assertThatThrownBy(() -> SequenceReader.read(spec)).isInstanceOf(SpecException.class)
                .hasMessageContaining("row 1").hasMessageContaining("no label").hasMessageContaining("line 2");
    }

    @Test
    void reportsSectionKeysThatDoNotFitTheShapeOrTask() throws Exception {
        Files.writeString(dir.resolve("d.csv"), "a,b\n1,2\n");
        Path task = dir.resolve("task.yaml");
        Files.writeString(task, "goal: model-sequences\ndata: {path: d.csv}\n"
                + "sequences: {task: label, shape: wide, order: b}\nevaluation: {metric: accuracy}\n");
        assertThatThrownBy(() -> TaskSpecReader.read(task)).isInstanceOf(SpecException.class)
                .hasMessageContaining("sequences.order").hasMessageContaining("sequences.task");
        Files.writeString(task, "goal: model-sequences\ndata: {path: d.csv}\n"
                + "sequences: {task: next, shape: wide}\nevaluation: {metric: accuracy}\n");
        assertThatThrownBy(() -> TaskSpecReader.read(task)).isInstanceOf(SpecException.class)
                .hasMessageContaining("evaluation.metric").hasMessageContaining("perplexity");
    }
    @Test
    void aFixedTestFileSharesTheTrainingLevels() throws Exception {
        Files.writeString(dir.resolve("test.csv"), "seq,pos,sym,tag\nt,1,G,H\nt,2,A,E\n");
        var spec = task("seq,pos,sym,tag\na,1,A,H\na,2,C,C\nb,1,C,H\n",
                "task: label, shape: long, id: seq, order: pos, label: tag, test: test.csv");
        SequenceReader.Read read = SequenceReader.read(spec);
        var train = (CategoricalColumn) read.train().sequences().positions().column(0);
        var test = (CategoricalColumn) read.test().orElseThrow().sequences().positions().column(0);
        assertThat(train.levels()).isEqualTo(test.levels()).startsWith("A", "C").contains("G");
        assertThat(test.label(0)).isEqualTo("G");
        assertThat(test.code(1)).isEqualTo(train.code(0));
        assertThat(read.test().orElseThrow().sequences().labels().orElseThrow().levels())
                .isEqualTo(read.train().sequences().labels().orElseThrow().levels()).contains("E");
        var parts = SequenceFolds.fixed(read.train(), read.test().orElseThrow());
        assertThat(parts).singleElement().satisfies(p -> assertThat(p.split()).isEmpty());
    }
}
