package io.modelscout.selector.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.NominalColumn;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.api.data.Table;
import io.modelscout.selector.spec.SpecError;
import io.modelscout.selector.spec.SpecException;
import io.modelscout.selector.spec.TaskSpec.DataFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parser edge cases on small files written for the test. */
final class DatasetReaderTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private Table read(String name, String content) throws IOException, SpecException {
        return DatasetReader.read(write(name, content), Optional.empty());
    }

    private SpecException failure(String name, String content) throws IOException {
        Path file = write(name, content);
        return catchThrowableOfType(SpecException.class, () -> DatasetReader.read(file, Optional.empty()));
    }

    @Test
    void arffWithCrlfLineEndings() throws Exception {
        Table table = read("crlf.arff", "@relation crlf\r\n@attribute x numeric\r\n@attribute c {a,b}\r\n"
                + "\r\n@data\r\n1.5,a\r\n2,b\r\n");

        assertThat(table.rowCount()).isEqualTo(2);
        assertThat(((NumericColumn) table.column("x")).toArray()).containsExactly(1.5, 2.0);
        var c = (CategoricalColumn) table.column("c");
        assertThat(c.levels()).containsExactly("a", "b");
        assertThat(c.label(1)).isEqualTo("b");
    }

    @Test
    void arffKeywordsAnyCaseCommentsAndBlankLines() throws Exception {
        Table table = read("mixed.arff", """
                % a comment before the header
                @RELATION Mixed

                @Attribute a REAL
                @ATTRIBUTE b Integer   % trailing comment
                @attribute c NUMERIC
                @DaTa
                % a comment among the rows

                1,2,3
                4, 5 ,6 % a trailing comment
                """);

        assertThat(table.name()).isEqualTo("Mixed");
        assertThat(table.rowCount()).isEqualTo(2);
        assertThat(((NumericColumn) table.column("b")).toArray()).containsExactly(2.0, 5.0);
    }

    @Test
    void quotedNamesWithSpacesAndQuotedLevels() throws Exception {
        Table table = read("quoted.arff", """
                @relation 'my data'
                @attribute 'petal length' numeric
                @attribute "class name" {'a b', "c,d", e, '?'}
                @data
                1.0,'a b'
                2.0,"c,d"
                ?,e
                3.0,'?'
                4.0,?
                """);

        assertThat(table.name()).isEqualTo("my data");
        assertThat(table.columnNames()).containsExactly("petal length", "class name");
        var c = (CategoricalColumn) table.column("class name");
        assertThat(c.levels()).containsExactly("a b", "c,d", "e", "?");
        assertThat(c.toCodes()).containsExactly(0, 1, 2, 3, CategoricalColumn.MISSING);
        assertThat(table.column("petal length").isMissing(2)).isTrue();
        assertThat(table.missingCount()).isEqualTo(2);
    }

    @Test
    void declaredLevelsAreKeptEvenWhenTheyNeverOccur() throws Exception {
        Table table = read("levels.arff", "@relation r\n@attribute c {low, mid, high}\n@data\nlow\nhigh\n");

        var c = (CategoricalColumn) table.column("c");
        assertThat(c.levels()).containsExactly("low", "mid", "high");
        assertThat(c.counts()).containsExactly(1, 0, 1);
    }

    @Test
    void sparseRowsFillAbsentCellsWithZeroAndTheFirstLevel() throws Exception {
        Table table = read("sparse.arff", """
                @relation sparse
                @attribute a numeric
                @attribute b numeric
                @attribute c {x, y, z}
                @attribute d numeric
                @data
                {1 2.5, 2 z}
                {}
                { 0 7 , 3 ? }
                1,2,y,4
                """);

        assertThat(table.rowCount()).isEqualTo(4);
        assertThat(((NumericColumn) table.column("a")).toArray()).containsExactly(0, 0, 7, 1);
        assertThat(((NumericColumn) table.column("b")).toArray()).containsExactly(2.5, 0, 0, 2);
        assertThat(((CategoricalColumn) table.column("c")).toCodes()).containsExactly(2, 0, 0, 1);
        assertThat(table.column("d").isMissing(2)).isTrue();
        assertThat(((NumericColumn) table.column("d")).value(0)).isEqualTo(0.0);
    }

    @Test
    void sparseIndexOutOfRangeIsReported() throws Exception {
        SpecException e = failure("bad-sparse.arff", "@relation s\n@attribute a numeric\n@data\n{3 1}\n");

        assertThat(e.errors()).singleElement().satisfies(error -> {
            assertThat(error.line()).isEqualTo(4);
            assertThat(error.message()).contains("sparse index 3");
        });
    }

    @Test
    void stringAttributesBecomeNominalInOrderOfFirstAppearance() throws Exception {
        Table table = read("strings.arff", """
                @relation s
                @attribute text string
                @data
                'zebra'
                apple
                zebra
                ?
                'mango tree'
                """);

        var text = (CategoricalColumn) table.column("text");
        assertThat(text).isInstanceOf(NominalColumn.class);
        assertThat(text.levels()).containsExactly("zebra", "apple", "mango tree");
        assertThat(text.toCodes()).containsExactly(0, 1, 0, CategoricalColumn.MISSING, 2);
    }

    @Test
    void datesBecomeEpochMilliseconds() throws Exception {
        Table table = read("dates.arff", """
                @relation d
                @attribute day date 'yyyy-MM-dd'
                @attribute stamp date
                @data
                1949-01-01,'2001-04-03T12:12:12'
                ?,1970-01-01T00:00:01
                """);

        var day = (NumericColumn) table.column("day");
        var stamp = (NumericColumn) table.column("stamp");
        assertThat(day.value(0)).isEqualTo((double) Instant.parse("1949-01-01T00:00:00Z").toEpochMilli());
        assertThat(day.isMissing(1)).isTrue();
        assertThat(stamp.value(0)).isEqualTo((double) Instant.parse("2001-04-03T12:12:12Z").toEpochMilli());
        assertThat(stamp.value(1)).isEqualTo(1000.0);
    }

    @Test
    void aDateNotInTheFormatIsReported() throws Exception {
        SpecException e = failure("bad-date.arff", "@relation d\n@attribute day date 'yyyy-MM-dd'\n@data\n01/02/1999\n");

        assertThat(e.getMessage()).contains("expected a date in the format 'yyyy-MM-dd', got '01/02/1999'", "line 4");
    }

    @Test
    void relationalAttributesAreRefused() throws Exception {
        SpecException e = failure("bag.arff", """
                @relation mi
                @attribute id {a, b}
                @attribute bag relational
                  @attribute f1 numeric
                @end bag
                @data
                a,"1\\n2"
                """);

        assertThat(e.errors()).singleElement().satisfies(error -> {
            assertThat(error.message()).contains("relational attributes are not supported");
            assertThat(error.line()).isEqualTo(3);
        });
    }

    @Test
    void aValueNotAmongTheDeclaredLevelsNamesItsLine() throws Exception {
        SpecException e = failure("levels.arff", """
                @relation r
                @attribute x numeric
                @attribute c {a, b}
                @data
                1,a
                2,z
                3,b
                """);

        assertThat(e.errors()).singleElement().satisfies(error -> {
            assertThat(error.file()).endsWith("levels.arff");
            assertThat(error.field()).isEmpty();
            assertThat(error.line()).isEqualTo(6);
            assertThat(error.column()).isEqualTo(3);
            assertThat(error.message()).isEqualTo("attribute 'c': value 'z' is not among the declared levels {a, b}");
        });
        assertThat(e.getMessage()).contains("levels.arff: attribute 'c': value 'z'", "(line 6, column 3)");
    }

    @Test
    void everyBadRowIsReportedNotOnlyTheFirst() throws Exception {
        SpecException e = failure("many.arff", """
                @relation r
                @attribute x numeric
                @attribute c {a, b}
                @data
                one,a
                2
                3,b,4
                4,b
                5,c
                """);

        assertThat(e.errors()).extracting(SpecError::line).containsExactly(5, 6, 7, 9);
        assertThat(e.errors().get(0).message()).contains("expected a number or ?, got 'one'");
        assertThat(e.errors().get(1).message()).contains("expected 2 values, got 1");
        assertThat(e.errors().get(2).message()).contains("expected 2 values, got more");
    }

    @Test
    void manyBadRowsStopAtALimit() throws Exception {
        var text = new StringBuilder("@relation r\n@attribute x numeric\n@data\n");
        for (int i = 0; i < 100; i++) {
            text.append("x\n");
        }
        SpecException e = failure("limit.arff", text.toString());

        assertThat(e.errors()).hasSize(Problems.LIMIT + 1);
        assertThat(e.errors().getLast().message()).startsWith("stopped after");
    }

    @Test
    void headerProblemsAreReported() throws Exception {
        SpecException e = failure("header.arff", """
                @relation r
                @attribute x numerical
                @attribute c {a, a}
                @attribute x numeric
                @data
                """);

        assertThat(e.errors()).extracting(SpecError::line).containsExactly(2, 3);
        assertThat(e.errors().get(0).message()).contains("unknown type 'numerical'", "known: numeric");
        assertThat(e.errors().get(1).message()).contains("declares level 'a' twice");
    }

    @Test
    void duplicateAttributeNamesAreReported() throws Exception {
        SpecException e = failure("dup.arff", "@relation r\n@attribute x numeric\n@attribute x real\n@data\n1,2\n");

        assertThat(e.getMessage()).contains("attribute 'x' is declared twice", "line 3");
    }

    @Test
    void arffWithoutDataSectionOrRows() throws Exception {
        assertThat(failure("nodata.arff", "@relation r\n@attribute x numeric\n").getMessage())
                .contains("expected a @data line");
        assertThat(failure("norows.arff", "@relation r\n@attribute x numeric\n@data\n% nothing\n").getMessage())
                .contains("expected data rows after @data");
    }

    @Test
    void instanceWeightsAreIgnored() throws Exception {
        Table table = read("weights.arff", "@relation r\n@attribute x numeric\n@attribute c {a,b}\n@data\n1,a,{0.5}\n");

        assertThat(table.columnCount()).isEqualTo(2);
        assertThat(table.rowCount()).isEqualTo(1);
    }

    @Test
    void emptyFilesAreReported() throws Exception {
        for (String name : new String[] {"empty.arff", "empty.csv", "empty.tsv"}) {
            SpecException e = failure(name, "");

            assertThat(e.errors()).singleElement().satisfies(error -> {
                assertThat(error.file()).endsWith(name);
                assertThat(error.message()).startsWith("the file is empty");
            });
        }
        assertThat(failure("blank.arff", "\n  \n% only a comment\n").getMessage()).contains("the file is empty");
    }

    @Test
    void aMissingFileIsADataPathError() throws Exception {
        Path missing = dir.resolve("nowhere.csv");

        assertThatThrownBy(() -> DatasetReader.read(missing, Optional.empty()))
                .isInstanceOfSatisfying(SpecException.class, e -> assertThat(e.errors()).singleElement()
                        .satisfies(error -> {
                            assertThat(error.field()).isEqualTo("data.path");
                            assertThat(error.message()).isEqualTo("file not found: " + missing);
                        }));
    }

    @Test
    void anUnknownExtensionNeedsAnExplicitFormat() throws Exception {
        Path file = write("data.json", "a,b\n1,2\n");

        assertThatThrownBy(() -> DatasetReader.read(file, Optional.empty()))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining("data.path: cannot tell the format from the extension '.json'")
                .hasMessageContaining("known: .arff, .csv, .tsv");
        assertThat(DatasetReader.read(file, Optional.of(DataFormat.CSV)).rowCount()).isEqualTo(1);
    }

    @Test
    void csvQuotingAsRfc4180Says() throws Exception {
        Table table = read("quoting.csv", "name,\"note, with comma\",n\r\n"
                + "\"Smith, J\",\"said \"\"hi\"\"\",1\r\n"
                + "\"two\nlines\",plain,2\r\n"
                + "x,,3\r\n");

        assertThat(table.columnNames()).containsExactly("name", "note, with comma", "n");
        var name = (CategoricalColumn) table.column("name");
        assertThat(name.levels()).containsExactly("Smith, J", "two\nlines", "x");
        var note = (CategoricalColumn) table.column("note, with comma");
        assertThat(note.label(0)).isEqualTo("said \"hi\"");
        assertThat(note.isMissing(2)).isTrue();
        assertThat(((NumericColumn) table.column("n")).toArray()).containsExactly(1, 2, 3);
    }

    @Test
    void csvTypeInferenceAndMissingMarkers() throws Exception {
        Table table = read("types.csv", """
                a,b,c,d,e
                1,z,NA,1d,?
                2.5e1,y,N/A,2,NaN
                -3,NA,null,3,
                .5,x,?,4,""
                """);

        assertThat(table.column("a")).isInstanceOf(NumericColumn.class);
        assertThat(((NumericColumn) table.column("a")).toArray()).containsExactly(1, 25, -3, 0.5);
        var b = (CategoricalColumn) table.column("b");
        assertThat(b.levels()).containsExactly("x", "y", "z");
        assertThat(b.toCodes()).containsExactly(2, 1, CategoricalColumn.MISSING, 0);
        assertThat(table.column("c").missingCount()).isEqualTo(4);
        assertThat(table.column("d")).as("1d is a code, not a number").isInstanceOf(NominalColumn.class);
        assertThat(table.column("e").missingCount()).isEqualTo(4);
    }

    @Test
    void csvRaggedRowNamesItsLine() throws Exception {
        SpecException e = failure("ragged.csv", """
                a,b,c
                1,2,3
                "multi
                line",2,3
                4,5
                6,7,8
                """);

        assertThat(e.errors()).singleElement().satisfies(error -> {
            assertThat(error.line()).isEqualTo(5);
            assertThat(error.message()).isEqualTo("expected 3 fields as in the header, got 2");
        });
    }

    @Test
    void csvUnclosedQuoteAndTextAfterAQuote() throws Exception {
        assertThat(failure("open.csv", "a,b\n1,\"open\n2,3\n").errors()).singleElement().satisfies(error -> {
            assertThat(error.line()).isEqualTo(2);
            assertThat(error.column()).isEqualTo(3);
            assertThat(error.message()).contains("not closed");
        });
        assertThat(failure("after.csv", "a,b\n\"x\"y,1\n").getMessage())
                .contains("expected a delimiter or the end of the line after a closing quote", "line 2");
    }

    @Test
    void csvHeaderProblems() throws Exception {
        assertThat(failure("dupe.csv", "a,b,a\n1,2,3\n").getMessage()).contains("more than once: a", "line 1");
        assertThat(failure("unnamed.csv", "a,,c\n1,2,3\n").getMessage()).contains("names no column 2");
        assertThat(failure("header-only.csv", "a,b\n").getMessage()).contains("expected data rows after the header");
    }

    @Test
    void tsvWithPaddedCellsAndBlankLines() throws Exception {
        Table table = read("padded.txt", "x\ty\tlabel\n  1\t 2 \tup\n\n3\t4\t\"down\"\n");

        assertThat(table.rowCount()).isEqualTo(2);
        assertThat(((NumericColumn) table.column("x")).toArray()).containsExactly(1, 3);
        assertThat(((CategoricalColumn) table.column("label")).levels()).containsExactly("down", "up");
    }

    @Test
    void anExplicitFormatOverridesTheExtension() throws Exception {
        Path file = write("data.csv", "a\tb\n1\t2\n");

        Table table = DatasetReader.read(file, Optional.of(DataFormat.TSV));

        assertThat(table.columnNames()).containsExactly("a", "b");
    }

    @Test
    void latin1FilesAreRead() throws Exception {
        Path file = dir.resolve("latin1.csv");
        Files.write(file, "city,n\nM\u00fcnchen,1\n".getBytes(StandardCharsets.ISO_8859_1));

        Table table = DatasetReader.read(file, Optional.empty());

        assertThat(((CategoricalColumn) table.column("city")).levels()).containsExactly("M\u00fcnchen");
    }
}
