package org.ensemble.checkpoint;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ensemble.step.StateArray;

/**
 * NumPy's {@code .npy} format, version 1.0, for the two dtypes checkpoints use: little-endian
 * float64 ({@code <f8}) and int64 ({@code <i8}), C order. A state array of one column is written
 * with shape {@code (rows,)}, otherwise {@code (rows, columns)}; {@code numpy.load} reads either.
 */
final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};
    private static final Pattern HEADER = Pattern.compile(
            "\\{'descr': '(<f8|<i8)', 'fortran_order': False, 'shape': \\((\\d+),(?: (\\d+))?\\), }\\s*");
    private static final int CHUNK = 1 << 20;

    private Npy() {
    }

    /** Writes {@code a} to {@code file} and forces it to disk. */
    static void write(Path file, StateArray a) throws IOException {
        write(file, List.of(a));
    }

    /**
     * Writes the rows of {@code parts} (same name, columns and dtype: the shards' pieces of one
     * array, in shard order) as one array, without first copying them into one.
     */
    static void write(Path file, List<StateArray> parts) throws IOException {
        StateArray a = parts.get(0);
        boolean f8 = a.doubles() != null;
        long rows = 0;
        for (StateArray p : parts) {
            if (!p.name().equals(a.name()) || p.columns() != a.columns() || (p.doubles() != null) != f8) {
                throw new IllegalArgumentException("shards disagree on state array " + a.name());
            }
            rows += p.rows();
        }
        String shape = a.columns() == 1 ? "(" + rows + ",)" : "(" + rows + ", " + a.columns() + ")";
        StringBuilder h = new StringBuilder("{'descr': '" + (f8 ? "<f8" : "<i8") + "', 'fortran_order': False,"
                + " 'shape': " + shape + ", }");
        while ((MAGIC.length + 2 + h.length() + 1) % 64 != 0) {
            h.append(' ');
        }
        h.append('\n');
        byte[] header = h.toString().getBytes(StandardCharsets.US_ASCII);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            ByteBuffer head = ByteBuffer.allocate(MAGIC.length + 2 + header.length).order(ByteOrder.LITTLE_ENDIAN);
            head.put(MAGIC).putShort((short) header.length).put(header).flip();
            writeFully(ch, head);
            ByteBuffer buf = ByteBuffer.allocate(CHUNK * 8).order(ByteOrder.LITTLE_ENDIAN);
            for (StateArray p : parts) {
                int n = f8 ? p.doubles().length : p.longs().length;
                for (int lo = 0; lo < n; lo += CHUNK) {
                    int hi = Math.min(n, lo + CHUNK);
                    buf.clear();
                    for (int i = lo; i < hi; i++) {
                        if (f8) {
                            buf.putDouble(p.doubles()[i]);
                        } else {
                            buf.putLong(p.longs()[i]);
                        }
                    }
                    buf.flip();
                    writeFully(ch, buf);
                }
            }
            ch.force(true);
        }
    }

    private static void writeFully(FileChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            ch.write(b);
        }
    }

    /** Reads a file {@link #write} wrote (or NumPy wrote with the same dtypes) as the named state array. */
    static StateArray read(Path file, String name) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer pre = ByteBuffer.allocate(MAGIC.length + 2).order(ByteOrder.LITTLE_ENDIAN);
            readFully(ch, pre, file);
            for (int i = 0; i < MAGIC.length; i++) {
                if (pre.get(i) != MAGIC[i]) {
                    throw new IOException(file + ": not a version 1.0 .npy file");
                }
            }
            int len = Short.toUnsignedInt(pre.getShort(MAGIC.length));
            ByteBuffer hb = ByteBuffer.allocate(len);
            readFully(ch, hb, file);
            String header = new String(hb.array(), StandardCharsets.US_ASCII);
            Matcher m = HEADER.matcher(header);
            if (!m.matches()) {
                throw new IOException(file + ": unsupported .npy header " + header.trim()
                        + " (expected C-order <f8 or <i8 with 1 or 2 dimensions)");
            }
            boolean f8 = m.group(1).equals("<f8");
            long rows = Long.parseLong(m.group(2));
            int columns = m.group(3) == null ? 1 : Integer.parseInt(m.group(3));
            long count = rows * columns;
            if (count > Integer.MAX_VALUE - 8 || ch.size() != MAGIC.length + 2 + len + 8 * count) {
                throw new IOException(file + ": holds " + (ch.size() - MAGIC.length - 2 - len) + " data bytes, its"
                        + " header says " + rows + " × " + columns + " values of 8 bytes (truncated?)");
            }
            int n = (int) count;
            double[] d = f8 ? new double[n] : null;
            long[] l = f8 ? null : new long[n];
            ByteBuffer buf = ByteBuffer.allocate(CHUNK * 8).order(ByteOrder.LITTLE_ENDIAN);
            for (int lo = 0; lo < n; lo += CHUNK) {
                int hi = Math.min(n, lo + CHUNK);
                buf.clear().limit((hi - lo) * 8);
                readFully(ch, buf, file);
                for (int i = lo; i < hi; i++) {
                    if (f8) {
                        d[i] = buf.getDouble();
                    } else {
                        l[i] = buf.getLong();
                    }
                }
            }
            return new StateArray(name, columns, d, l);
        }
    }

    private static void readFully(FileChannel ch, ByteBuffer b, Path file) throws IOException {
        while (b.hasRemaining()) {
            if (ch.read(b) < 0) {
                throw new IOException(file + ": ends early (truncated)");
            }
        }
        b.flip();
    }
}
