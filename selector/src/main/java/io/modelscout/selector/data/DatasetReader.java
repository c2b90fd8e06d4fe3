package io.modelscout.selector.data;

import static java.util.Objects.requireNonNull;

import io.modelscout.api.data.Table;
import io.modelscout.selector.spec.SpecException;
import io.modelscout.selector.spec.TaskSpec.DataFormat;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a data file into a {@link Table}: ARFF (dense and sparse), or CSV/TSV with a header row.
 *
 * <p>ARFF keeps the declared types and levels, including levels that never occur; an unquoted {@code ?} is a
 * missing cell, a quoted {@code '?'} is an ordinary level; string attributes become nominal columns with
 * levels in order of first appearance; date attributes become numeric columns of epoch milliseconds (UTC
 * when the format has no zone); relational attributes are refused. CSV and TSV columns are numeric when every
 * present cell is a number, else nominal with their distinct values as levels in sorted order; the cells
 * {@code ""}, {@code ?}, {@code NA}, {@code N/A}, {@code NaN} and {@code null} are missing.
 *
 * <p>Every problem is reported as a {@link io.modelscout.selector.spec.SpecError} naming the file, the line
 * and what was expected; the problems of one file are reported together (up to a limit).
 */
public final class DatasetReader {
    private DatasetReader() {
    }

    /**
     * Reads a data file.
     *
     * @param file the data file
     * @param format the format; when empty it is taken from the extension: {@code .arff}, {@code .csv}, or
     *     {@code .tsv}, {@code .tab}, {@code .txt} for tab-separated values
     * @return the table; named after the ARFF relation, or the file name without its extension
     * @throws SpecException when the file is missing, unreadable, of an unknown format, or malformed
     */
    public static Table read(Path file, Optional<DataFormat> format) throws SpecException {
        requireNonNull(file, "file is null");
        requireNonNull(format, "format is null");
        String shown = file.toString();
        if (!Files.exists(file)) {
            throw SpecException.of(shown, "data.path", "file not found: " + file);
        }
        if (!Files.isRegularFile(file)) {
            throw SpecException.of(shown, "data.path", "not a regular file: " + file);
        }
        DataFormat chosen = format.isPresent() ? format.get() : formatOf(file);
        String text = decode(file);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        var problems = new Problems(shown);
        String baseName = baseName(file);
        return switch (chosen) {
            case ARFF -> ArffParser.parse(text, problems, baseName);
            case CSV -> DelimitedParser.parse(text, ',', problems, baseName);
            case TSV -> DelimitedParser.parse(text, '\t', problems, baseName);
        };
    }

    /**
     * The format a file name implies.
     *
     * @param file a data file
     * @return the format of its extension
     * @throws SpecException naming the known extensions when the extension is not one of them
     */
    public static DataFormat formatOf(Path file) throws SpecException {
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot);
        return switch (extension) {
            case ".arff" -> DataFormat.ARFF;
            case ".csv" -> DataFormat.CSV;
            case ".tsv", ".tab", ".txt" -> DataFormat.TSV;
            default -> throw SpecException.of(file.toString(), "data.path", "cannot tell the format from the extension '"
                    + extension + "'; known: .arff, .csv, .tsv, .tab, .txt; or set data.format");
        };
    }

    /** UTF-8, falling back to ISO-8859-1: old UCI files are Latin-1, and every byte string is valid Latin-1. */
    private static String decode(Path file) throws SpecException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw SpecException.of(file.toString(), "data.path", "cannot read " + file + ": " + e.getMessage());
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    private static String baseName(Path file) {
        String name = String.valueOf(file.getFileName());
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
