package org.forcereturns.ledger;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.forcereturns.aggregate.OffenceTally;
import org.forcereturns.domain.FinancialPeriod;
import org.forcereturns.domain.Force;
import org.forcereturns.domain.OffenceCode;
import org.forcereturns.domain.Platform;

/**
 * The tallies of one ingested file, in the ledger's own small binary format (internal, not published):
 * a magic word and version, a count, then per tally the force, first month and month count, offence code,
 * unmapped platform text, platforms (name, owner, category) and the three counts. Strings are length-prefixed
 * UTF-8, with -1 for null.
 */
final class TallyFile {

    private static final int MAGIC = 0x46525431; // "FRT1"

    private TallyFile() {
    }

    static void write(List<OffenceTally> tallies, OutputStream target) throws IOException {
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(target, 1 << 14));
        out.writeInt(MAGIC);
        out.writeInt(tallies.size());
        for (OffenceTally t : tallies) {
            string(out, t.force().code());
            string(out, t.force().name());
            YearMonth first = t.period().firstMonth();
            out.writeInt(first.getYear());
            out.writeByte(first.getMonthValue());
            out.writeByte(t.period().monthCount());
            string(out, t.offenceCode().toString());
            string(out, t.unmappedRaw());
            out.writeInt(t.platforms().size());
            for (Platform p : t.platforms()) {
                string(out, p.name());
                string(out, p.owner());
                string(out, p.category());
            }
            out.writeLong(t.rows());
            out.writeLong(t.offences());
            out.writeLong(t.suppressedCells());
        }
        out.flush();
    }

    static List<OffenceTally> read(InputStream source, String name) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(source, 1 << 14));
        List<OffenceTally> out;
        try {
            if (in.readInt() != MAGIC) {
                throw new IOException(name + " is not a tally file of this version");
            }
            out = tallies(in);
        } catch (EOFException | RuntimeException e) {
            // A truncated or damaged file: name it, so the operator knows what to delete or rebuild.
            throw new IOException(name + " is truncated or damaged: " + e.getMessage(), e);
        }
        if (in.read() != -1) {
            throw new IOException(name + " has bytes after its last tally");
        }
        return out;
    }

    private static List<OffenceTally> tallies(DataInputStream in) throws IOException {
        int n = in.readInt();
        List<OffenceTally> out = new ArrayList<>(Math.min(n, 1 << 16));
        for (int i = 0; i < n; i++) {
            Force force = new Force(string(in), string(in));
            YearMonth first = YearMonth.of(in.readInt(), in.readByte());
            FinancialPeriod period = FinancialPeriod.covering(first, in.readByte());
            OffenceCode code = OffenceCode.of(string(in));
            String unmapped = string(in);
            int platformCount = in.readInt();
            List<Platform> platforms = new ArrayList<>(platformCount);
            for (int p = 0; p < platformCount; p++) {
                platforms.add(new Platform(string(in), string(in), string(in)));
            }
            out.add(new OffenceTally(force, period, code, platforms, unmapped, in.readLong(), in.readLong(),
                    in.readLong()));
        }
        return out;
    }

    private static void string(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String string(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        byte[] bytes = in.readNBytes(length);
        if (bytes.length != length) {
            throw new EOFException("ends inside a string");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
