package org.forcereturns.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Awkward returns beyond the sample's, as the job tests write them (each method says which test checks its outcomes
 * in an inbox of its own). RemotePartitioningIT puts them all beside the sample, so that remote and local runs are
 * compared on them too.
 */
public final class MessyReturns {

    public static final String RECORD_HEADER = "Force,Crime Ref,Date Recorded,HO Offence Code,Platform";
    public static final String QUARTERLY = "PFA,Financial Year,Quarter,HO Code,Number of Offences";
    public static final String MONTHLY = "PFA,Month,HO Code,Number of Offences";

    private MessyReturns() {
    }

    /**
     * JobFlowTest: a UTF-8 BOM before Windows-1252 bytes, plain and gzipped; a {@code sep=} line and a title before
     * the header, ignored columns, quoted values with line breaks and spaces; two empty files, a UTF-16 file and a
     * broken gzip stream. Alone: the first three LOADED, 2024-05-05 a DUPLICATE of 2024-05-04, the rest QUARANTINED
     * (UNREADABLE).
     */
    public static void encodingsAndUnreadableFiles(Path root) throws IOException {
        Files.createDirectories(root);
        byte[] bom1252 = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                "Force,Crime Reference,Date Recorded,Offence Code,Platform\nKent,K1,01/05/2023,86/2,Caf"
                        .getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) 0xE9, '\n'});
        Files.write(root.resolve("2024-05-01_kent.csv"), bom1252);
        byte[] essex = new String(bom1252, StandardCharsets.ISO_8859_1).replace("Kent,K1", "Essex,E1")
                .getBytes(StandardCharsets.ISO_8859_1);
        try (var gz = new GZIPOutputStream(Files.newOutputStream(root.resolve("2024-05-02_essex.csv.gz")))) {
            gz.write(essex);
        }
        new InboxWriter(root).file("2024-05-03_surrey.csv",
                "sep=;",
                "Surrey Police: CSAI offences, 2023/24",
                "",
                "BCU;Force;Crime Reference;Date Recorded;Offence Code;Platform;No. of Victims",
                "East;Surrey;S1;2023-05-02;86/2;\"Snapchat", "\";1",
                "West;Surrey;S2;2023-05-03;86/2;\" Instagram \";2");
        Files.write(root.resolve("2024-05-04_empty.csv"), new byte[0]);
        Files.write(root.resolve("2024-05-05_empty_again.csv"), new byte[0]);
        Files.writeString(root.resolve("2024-05-06_utf16.csv"), RECORD_HEADER + "\nKent,K7,2023-04-03,86/2,\n",
                StandardCharsets.UTF_16LE);
        Files.write(root.resolve("2024-05-07_broken.csv.gz"), new byte[] {0x1f, (byte) 0x8b, 8, 0, 1, 2});
    }

    /**
     * WarehousePublisherTest: Kent's quarterly and yearly cells re-stated in part by a monthly return (May 2023, June
     * 2022) and Q2 re-stated whole, that return again under another name, and an empty file. Alone: the quarterly
     * file's rows all superseded, three cells partly replaced, the copy a DUPLICATE, the empty file QUARANTINED.
     */
    public static void partialRestatements(InboxWriter inbox) throws IOException {
        inbox.file("2024-05-01_kent_q.csv", QUARTERLY,
                "Kent,2023/24,1,86/2,30", "Kent,2023/24,2,86/2,40", "Kent,2023/24,1,86/10,6", "Kent,2022/23,,86/2,100");
        // re-states May only: both Q1 cells lose April and June with them; June 2022 drops the whole of 2022/23
        inbox.file("2024-06-01_kent_may.csv", MONTHLY, "Kent,2023-05,86/2,12", "Kent,2022-06,86/2,5");
        // re-states July to September: Q2 is replaced whole, nothing of it is lost
        inbox.file("2024-07-01_kent_q2.csv", MONTHLY, "Kent,2023-07,86/2,10", "Kent,2023-08,86/2,11",
                "Kent,2023-09,86/2,12");
        Files.copy(inbox.root().resolve("2024-07-01_kent_q2.csv"), inbox.root().resolve("2024-07-02_kent_q2_again.csv"));
        Files.write(inbox.root().resolve("2024-07-03_kent.csv"), new byte[0]);
    }

    /**
     * JobFlowTest: named like returns, a symbolic link to {@code secret} (written here, outside the inbox) and a
     * named pipe. Both QUARANTINED (UNREADABLE) and never opened.
     */
    public static void linkAndPipe(Path root, Path secret) throws IOException, InterruptedException {
        Files.createDirectories(root);
        Files.writeString(secret, "Force,Crime Ref,Date Recorded,HO Offence Code\nKent,S1,2023-04-03,86/2\n");
        Files.createSymbolicLink(root.resolve("2024-05-02_kent.csv"), secret);
        Path pipe = root.resolve("2024-05-03_essex.csv");
        if (new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor() != 0) {
            throw new IOException("mkfifo " + pipe + " failed");
        }
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
