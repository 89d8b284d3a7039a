package org.ensemble.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ensemble.random.Streams;

/**
 * Rows of a CSV file, loaded once. The first line is a header of column names; fields are split
 * on commas and trimmed (no quoting); blank lines are skipped. The label column and the feature
 * columns (all others, or an explicit list) must hold finite numbers; other columns are ignored
 * and may hold anything. Any problem with the file is a {@link DataFileException} naming the file,
 * line and column.
 *
 * <p>Split: row i (0-based, in file order) is held out iff uniform(splitSeed, i, STREAM_TEST, 0)
 * &lt; testFraction, so the split depends on the split seed only and students trained with
 * different seeds see the same split. Training sample j of step {@code step} is a uniformly random
 * training row, from uniform(seed, j, STREAM_DATA, step); held-out sample j is test row j mod
 * testRows().
 */
public final class CsvData implements DataSource {
    public static final double DEFAULT_TEST_FRACTION = 0.2;

    private final Path file;
    private final String labelColumn;
    private final List<String> featureColumns;
    private final double testFraction;
    private final long seed;
    private final int d;
    /** Features of row i at i·d … i·d + d − 1. */
    private final double[] features;
    private final double[] labels;
    private final int[] trainIndex;
    private final int[] testIndex;

    /** All non-label columns are features; 20 % held out. */
    public CsvData(Path file, String labelColumn, long splitSeed, long seed) {
        this(file, labelColumn, null, DEFAULT_TEST_FRACTION, splitSeed, seed);
    }

    /**
     * @param featureColumns the feature columns in the order they fill x, or null for all columns
     *                       other than the label, in file order
     * @param testFraction   expected fraction of rows held out, in (0, 1)
     * @param splitSeed      seed of the train/test split
     * @param seed           seed of the training row picks
     */
    public CsvData(Path file, String labelColumn, List<String> featureColumns, double testFraction,
            long splitSeed, long seed) {
        if (file == null) {
            throw new IllegalArgumentException("file is required");
        }
        if (labelColumn == null || labelColumn.isBlank()) {
            throw new IllegalArgumentException("labelColumn is required");
        }
        if (featureColumns != null) {
            if (featureColumns.isEmpty()) {
                throw new IllegalArgumentException("featureColumns must not be empty (null means all other columns)");
            }
            Set<String> seen = new HashSet<>();
            for (String c : featureColumns) {
                if (c == null) {
                    throw new IllegalArgumentException("featureColumns must not contain null");
                }
                if (c.equals(labelColumn)) {
                    throw new IllegalArgumentException("featureColumns must not contain the label column '" + c + "'");
                }
                if (!seen.add(c)) {
                    throw new IllegalArgumentException("featureColumns lists '" + c + "' twice");
                }
            }
        }
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("testFraction must be in (0, 1), got " + testFraction);
        }
        this.file = file;
        this.labelColumn = labelColumn;
        this.testFraction = testFraction;
        this.seed = seed;

        List<String[]> raw = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        String[] header = read(file, raw, lineNumbers);

        int labelAt = indexOf(header, labelColumn);
        if (labelAt < 0) {
            throw new DataFileException(file, 1, labelColumn,
                    "label column not in the header (columns: " + String.join(", ", header) + ")");
        }
        List<String> names = new ArrayList<>();
        if (featureColumns == null) {
            for (String h : header) {
                if (!h.equals(labelColumn)) {
                    names.add(h);
                }
            }
            if (names.isEmpty()) {
                throw new DataFileException(file, 1, null, "expected at least one feature column besides label '"
                        + labelColumn + "'");
            }
        } else {
            for (String c : featureColumns) {
                if (indexOf(header, c) < 0) {
                    throw new DataFileException(file, 1, c,
                            "feature column not in the header (columns: " + String.join(", ", header) + ")");
                }
                names.add(c);
            }
        }
        this.featureColumns = List.copyOf(names);
        this.d = names.size();
        int[] featureAt = new int[d];
        for (int c = 0; c < d; c++) {
            featureAt[c] = indexOf(header, names.get(c));
        }

        int n = raw.size();
        if (n < 2) {
            throw new DataFileException(file, 0, null, "expected at least 2 data rows below the header, got " + n);
        }
        features = new double[n * d];
        labels = new double[n];
        for (int i = 0; i < n; i++) {
            String[] f = raw.get(i);
            int line = lineNumbers.get(i);
            labels[i] = number(f[labelAt], line, labelColumn);
            for (int c = 0; c < d; c++) {
                features[i * d + c] = number(f[featureAt[c]], line, names.get(c));
            }
        }

        int tests = 0;
        boolean[] held = new boolean[n];
        for (int i = 0; i < n; i++) {
            held[i] = Streams.uniform(splitSeed, i, Streams.STREAM_TEST, 0) < testFraction;
            tests += held[i] ? 1 : 0;
        }
        if (tests == 0 || tests == n) {
            throw new DataFileException(file, 0, null, "the split (testFraction=" + testFraction + ", splitSeed="
                    + splitSeed + ") leaves " + (tests == 0 ? "no held-out" : "no training") + " rows of " + n
                    + "; use more rows, another testFraction or another splitSeed");
        }
        testIndex = new int[tests];
        trainIndex = new int[n - tests];
        for (int i = 0, t = 0, r = 0; i < n; i++) {
            if (held[i]) {
                testIndex[t++] = i;
            } else {
                trainIndex[r++] = i;
            }
        }
    }

    /** Reads the header (returned) and the non-blank data lines, checking every row's width. */
    private static String[] read(Path file, List<String[]> rows, List<Integer> lineNumbers) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = in.readLine();
            if (first == null || first.isBlank()) {
                throw new DataFileException(file, 1, null, "expected a header row of column names, got "
                        + (first == null ? "an empty file" : "a blank line"));
            }
            if (first.startsWith("\uFEFF")) {
                first = first.substring(1); // byte-order mark written by some spreadsheets
            }
            String[] header = split(first);
            Set<String> seen = new HashSet<>();
            for (int c = 0; c < header.length; c++) {
                if (header[c].isEmpty()) {
                    throw new DataFileException(file, 1, null, "header field " + (c + 1) + " is empty; expected a column name");
                }
                if (!seen.add(header[c])) {
                    throw new DataFileException(file, 1, header[c], "appears twice in the header; expected unique names");
                }
            }
            String text;
            int line = 1;
            while ((text = in.readLine()) != null) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                String[] f = split(text);
                if (f.length < header.length) {
                    throw new DataFileException(file, line, header[f.length], "missing; expected " + header.length
                            + " fields like the header, got " + f.length);
                }
                if (f.length > header.length) {
                    throw new DataFileException(file, line, null, "expected " + header.length
                            + " fields like the header (" + String.join(", ", header) + "), got " + f.length);
                }
                rows.add(f);
                lineNumbers.add(line);
            }
            return header;
        } catch (NoSuchFileException e) {
            throw new DataFileException(file, 0, null, "file not found", e);
        } catch (MalformedInputException e) {
            // The reader decodes ahead of the line it returns, so find the bad line from the bytes.
            throw new DataFileException(file, firstNonUtf8Line(file), null, "not valid UTF-8 (save the file as UTF-8)",
                    e);
        } catch (AccessDeniedException e) {
            throw new DataFileException(file, 0, null, "cannot read: permission denied", e);
        } catch (IOException e) {
            String reason = e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason()
                    : e.getMessage() != null ? e.getMessage() : "input/output error";
            throw new DataFileException(file, 0, null, "cannot read: " + reason, e);
        }
    }

    /** The 1-based line holding the first byte sequence that is not UTF-8, 0 if none is found. */
    static int firstNonUtf8Line(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return 0;
        }
        int start = 0;
        for (int line = 1; start <= bytes.length; line++) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            try {
                StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes, start, end - start));
            } catch (CharacterCodingException e) {
                return line;
            }
            start = end + 1;
        }
        return 0;
    }

    private static String[] split(String line) {
        String[] f = line.split(",", -1);
        for (int i = 0; i < f.length; i++) {
            f[i] = f[i].trim();
        }
        return f;
    }

    private static int indexOf(String[] header, String name) {
        for (int c = 0; c < header.length; c++) {
            if (header[c].equals(name)) {
                return c;
            }
        }
        return -1;
    }

    private double number(String field, int line, String column) {
        double v;
        try {
            v = Double.parseDouble(field);
        } catch (NumberFormatException e) {
            throw new DataFileException(file, line, column, "expected a number, got '" + field + "'");
        }
        if (!Double.isFinite(v)) {
            throw new DataFileException(file, line, column, "expected a finite number, got '" + field + "'");
        }
        return v;
    }

    public Path file() {
        return file;
    }

    public String labelColumn() {
        return labelColumn;
    }

    /** The feature columns, in the order they fill x. */
    public List<String> featureColumns() {
        return featureColumns;
    }

    /** Data rows in the file (training plus held-out). */
    public int rows() {
        return labels.length;
    }

    public int trainRows() {
        return trainIndex.length;
    }

    public int testRows() {
        return testIndex.length;
    }

    @Override
    public int dimension() {
        return d;
    }

    @Override
    public double trainSample(long step, int j, double[] x) {
        int r = trainIndex[(int) (trainIndex.length * Streams.uniform(seed, j, Streams.STREAM_DATA, step))];
        return copy(r, x);
    }

    @Override
    public double testSample(long j, double[] x) {
        return copy(testIndex[(int) Math.floorMod(j, (long) testIndex.length)], x);
    }

    private double copy(int row, double[] x) {
        System.arraycopy(features, row * d, x, 0, d);
        return labels[row];
    }

    @Override
    public String describe() {
        return "csv(file=" + file.getFileName() + ", label=" + labelColumn + ", d=" + d + ", rows=" + rows()
                + ", testFraction=" + testFraction + ")";
    }
}
