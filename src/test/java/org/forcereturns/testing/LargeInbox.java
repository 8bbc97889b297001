package org.forcereturns.testing;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/** A deterministic inbox big enough that a run takes several seconds: record-layout returns from many forces. */
public final class LargeInbox {

    private static final String[] FORCES = {"Kent", "Essex", "Surrey", "Sussex", "Gwent", "Dorset", "Norfolk",
            "Suffolk", "Cumbria", "Durham", "Cleveland", "Lancashire"};
    private static final String[] PLATFORMS = {"Snapchat", "Instagram", "FB", "WhatsApp", "N/A", "", "Snapchta",
            "TikTok", "Snapchat / Instagram", "a forum"};

    private LargeInbox() {
    }

    public static Path write(Path inbox, int files, int rowsPerFile) throws IOException {
        Files.createDirectories(inbox);
        SplittableRandom random = new SplittableRandom(42);
        for (int f = 0; f < files; f++) {
            String force = FORCES[f % FORCES.length];
            Path file = inbox.resolve(String.format("2024-%02d-%02d_%s.csv", 5 + f / 28, 1 + f % 28,
                    force.toLowerCase()));
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                out.write("Force,Crime Ref,Date Recorded,HO Offence Code,Platform\n");
                for (int i = 0; i < rowsPerFile; i++) {
                    int month = 1 + random.nextInt(12);
                    int year = month >= 4 ? 2023 : 2024;
                    out.write(force + ",CR" + f + "-" + i + "," + year + "-" + (month < 10 ? "0" : "") + month + "-"
                            + (10 + random.nextInt(18)) + ",86/" + new int[] {2, 10, 15}[random.nextInt(3)] + ","
                            + PLATFORMS[random.nextInt(PLATFORMS.length)] + "\n");
                }
                if (f % 5 == 4) {
                    out.write(force + ",CR" + f + "-0,2023-05-05,86/2,Snapchat\n"); // a duplicate crime reference
                }
            }
        }
        return inbox;
    }
}
