package org.forcereturns.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import org.forcereturns.cli.ExitStatus;
import org.forcereturns.testing.Cli;
import org.forcereturns.testing.InboxWriter;
import org.forcereturns.testing.WarehouseComparison;

/**
 * Contract section 5: running once over a whole inbox and running nightly as its files arrive give the same
 * tables, whatever the order in which files arrive and however they are split into nights. Random inboxes hold
 * corrections (later returns re-stating months, quarterly cells partly re-stated by monthly ones), the same bytes
 * under several names, quarantined files and both layouts; their files arrive in a random order over random nights.
 */
class NightlyRunsPropertyTest {

    private static final String RECORD_HEADER = "Force,Crime Ref,Date Recorded,HO Offence Code,Platform";
    private static final String[] FORCES = {"Kent", "Gwent"};
    private static final String[] PLATFORMS = {"Snapchat", "Insta", "", "WhatsApp / FB", "Snapchta"};

    @Property(tries = 12, shrinking = ShrinkingMode.OFF)
    void nightlyRunsInAnyArrivalOrderPublishTheTablesOfOneRun(@ForAll long seed) throws Exception {
        Random random = new Random(seed);
        Path dir = Files.createTempDirectory("nightly-property");
        try {
            List<Return> returns = inbox(random);
            InboxWriter all = new InboxWriter(dir.resolve("inbox-all"));
            returns.forEach(r -> all.file(r.path(), r.lines().toArray(String[]::new)));
            Cli cli = new Cli(dir);
            Cli.Result once = run(cli, all.root(), dir.resolve("wh-once"));
            assertThat(once.status()).as(once.toString()).isIn(ExitStatus.SUCCESS, ExitStatus.QUARANTINED);

            List<Return> arrivals = new ArrayList<>(returns);
            Collections.shuffle(arrivals, random);
            List<List<Return>> nights = nights(arrivals, random);
            InboxWriter nightly = new InboxWriter(dir.resolve("inbox-nightly"));
            Files.createDirectories(nightly.root());
            for (List<Return> night : nights) {
                night.forEach(r -> nightly.file(r.path(), r.lines().toArray(String[]::new)));
                Cli.Result r = run(cli, nightly.root(), dir.resolve("wh-nightly"));
                assertThat(r.status()).as(r.toString()).isIn(ExitStatus.SUCCESS, ExitStatus.QUARANTINED);
            }

            assertThat(WarehouseComparison.differences(dir.resolve("wh-once"), dir.resolve("wh-nightly")))
                    .as("seed %d, files %s, nights %s", seed, returns.stream().map(Return::path).toList(),
                            nights.stream().map(n -> n.stream().map(Return::path).toList()).toList())
                    .isEmpty();
        } finally {
            deleteTree(dir);
        }
    }

    private static Cli.Result run(Cli cli, Path inbox, Path warehouse) {
        return cli.run("run", "--inbox", inbox.toString(), "--warehouse", warehouse.toString(), "--run-date",
                "2024-12-31");
    }

    /** A return's path and lines. */
    private record Return(String path, List<String> lines) {
    }

    /** Three to nine returns from two forces over 2023/24's first half, some copies of others under new names. */
    private static List<Return> inbox(Random random) {
        List<Return> out = new ArrayList<>();
        int files = 3 + random.nextInt(7);
        for (int i = 0; i < files; i++) {
            // Dates repeat across files, and some sit in a folder, so path order and arrival order differ.
            String folder = random.nextInt(5) == 0 ? "late/" : "";
            String path = folder + "2024-0" + (5 + random.nextInt(3)) + "-1" + random.nextInt(10) + "_" + i;
            if (!out.isEmpty() && random.nextInt(4) == 0) {
                Return copied = out.get(random.nextInt(out.size()));
                out.add(new Return(path + "_copy.csv", copied.lines()));
                continue;
            }
            String force = FORCES[random.nextInt(FORCES.length)];
            out.add(new Return(path + "_" + force.toLowerCase() + ".csv", switch (random.nextInt(6)) {
                case 0 -> List.of("Force,Notes", force + ",no offence columns here");
                case 1, 2 -> counts(force, random);
                default -> records(force, i, random);
            }));
        }
        return out;
    }

    private static List<String> records(String force, int file, Random random) {
        List<String> lines = new ArrayList<>(List.of(RECORD_HEADER));
        int rows = 1 + random.nextInt(6);
        boolean mostlyBad = random.nextInt(8) == 0;
        for (int row = 0; row < rows; row++) {
            String date = mostlyBad && row > 0 ? "not a date"
                    : "2023-0" + (4 + random.nextInt(6)) + "-1" + random.nextInt(10);
            lines.add(force + "," + force.charAt(0) + file + "-" + row + "," + date + ",86/"
                    + (random.nextBoolean() ? "2" : "10") + "," + PLATFORMS[random.nextInt(PLATFORMS.length)]);
        }
        return lines;
    }

    private static List<String> counts(String force, Random random) {
        List<String> lines = new ArrayList<>();
        if (random.nextBoolean()) {
            lines.add("PFA,Month,HO Code,Number of Offences,Platform");
            int months = 1 + random.nextInt(3);
            for (int m = 0; m < months; m++) {
                lines.add(force + ",2023-0" + (4 + random.nextInt(6)) + ",86/2," + count(random) + ","
                        + PLATFORMS[random.nextInt(PLATFORMS.length)]);
            }
        } else {
            lines.add("PFA,Financial Year,Quarter,HO Code,Number of Offences");
            lines.add(force + ",2023/24,Q" + (1 + random.nextInt(2)) + ",86/2," + count(random));
        }
        return lines;
    }

    private static String count(Random random) {
        return random.nextInt(5) == 0 ? "*" : Integer.toString(random.nextInt(40));
    }

    /** The arrivals cut into one to four nights, some possibly empty. */
    private static List<List<Return>> nights(List<Return> arrivals, Random random) {
        int nights = 1 + random.nextInt(4);
        List<List<Return>> out = new ArrayList<>();
        for (int n = 0; n < nights; n++) {
            out.add(new ArrayList<>());
        }
        int night = 0;
        for (Return r : arrivals) {
            out.get(night).add(r);
            if (night < nights - 1 && random.nextInt(3) == 0) {
                night++;
            }
        }
        return out;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
