package org.ensemble.checkpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * What the observers were shown, one JSON object per line ({@code observed.jsonl}): every measure
 * of a Langevin run, every report of a training run. Observers are folds over this stream, so a
 * resumed run rebuilds their state exactly (escape times, time series, the PDE or ODE beside, risk
 * history) by replaying it into fresh observers. Append-only: a checkpoint records how many records
 * and bytes it covers, and a resume truncates what came after. Doubles are written in Java's
 * shortest round-trip form (NaN and Infinity bare, as Python's {@code json} reads them).
 */
public final class ObservedLog implements AutoCloseable {
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();
    private static final int BUFFER = 1 << 16;

    private final Path file;
    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
    private long records;
    private long bytes;

    private ObservedLog(Path file, FileChannel channel, long records, long bytes) {
        this.file = file;
        this.channel = channel;
        this.records = records;
        this.bytes = bytes;
    }

    /** A new, empty log. */
    static ObservedLog create(Path file) {
        return open(file, 0, 0);
    }

    /** The log of a checkpoint, cut back to what the checkpoint covers and appended to from there. */
    static ObservedLog continuing(Path file, long records, long bytes) {
        return open(file, records, bytes);
    }

    private static ObservedLog open(Path file, long records, long bytes) {
        try {
            FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            ch.truncate(bytes);
            ch.position(bytes);
            return new ObservedLog(file, ch, records, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file + ": " + e.getMessage(), e);
        }
    }

    /** Appends one record (a Measure, a TrainingReport) as a line. */
    public void append(Object record) {
        byte[] json;
        try {
            json = MAPPER.writeValueAsBytes(record); // UTF-8 directly, no intermediate String (called every step)
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + record.getClass().getSimpleName() + ": " + e.getMessage(),
                    e);
        }
        int length = json.length + 1;
        try {
            if (length > buffer.remaining()) {
                drain();
            }
            if (length > buffer.capacity()) {
                ByteBuffer big = ByteBuffer.allocate(length).put(json).put((byte) '\n').flip();
                while (big.hasRemaining()) {
                    channel.write(big);
                }
            } else {
                buffer.put(json).put((byte) '\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        records++;
        bytes += length;
    }

    private void drain() throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        buffer.clear();
    }

    /** Writes everything appended so far through to disk; a checkpoint covers exactly this much. */
    long[] sync() throws IOException {
        drain();
        channel.force(false);
        return new long[]{records, bytes};
    }

    @Override
    public void close() {
        try {
            drain();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** The first {@code records} records of a log, decoded as {@code type}. */
    static <T> List<T> read(Path file, long records, Class<T> type) throws IOException {
        List<T> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (long k = 0; k < records; k++) {
                String line = r.readLine();
                if (line == null) {
                    throw new IOException(file + ": has " + k + " records, the checkpoint covers " + records);
                }
                try {
                    out.add(MAPPER.readValue(line, type));
                } catch (JsonProcessingException e) {
                    throw new IOException(file + ":" + (k + 1) + ": not a " + type.getSimpleName() + " record: "
                            + e.getOriginalMessage(), e);
                }
            }
        }
        return out;
    }
}
