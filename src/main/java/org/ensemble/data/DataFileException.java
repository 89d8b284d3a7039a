package org.ensemble.data;

import java.nio.file.Path;

/**
 * A data file that cannot be used as it is. The message reads "file:line: column 'name': what was
 * expected" with the line and column left out where they do not apply, so users can go straight
 * to the bad cell.
 */
public final class DataFileException extends RuntimeException {
    private final Path file;
    private final int line;
    private final String column;

    /**
     * @param line   1-based line number, or 0 if the problem is not on one line
     * @param column column name, or null if the problem is not in one column
     */
    public DataFileException(Path file, int line, String column, String problem) {
        this(file, line, column, problem, null);
    }

    public DataFileException(Path file, int line, String column, String problem, Throwable cause) {
        super(file + (line > 0 ? ":" + line : "") + ": " + (column != null ? "column '" + column + "': " : "")
                + problem, cause);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    public Path file() {
        return file;
    }

    /** 1-based line number, 0 if none. */
    public int line() {
        return line;
    }

    /** Column name, null if none. */
    public String column() {
        return column;
    }
}
