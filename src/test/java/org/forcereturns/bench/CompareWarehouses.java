package org.forcereturns.bench;

import java.nio.file.Path;
import org.forcereturns.testing.WarehouseComparison;

/** {@code CompareWarehouses <a> <b>}: exit 0 when every published table holds the same rows, else 1 with why. */
public final class CompareWarehouses {

    private CompareWarehouses() {
    }

    public static void main(String[] args) throws Exception {
        String diff = WarehouseComparison.differences(Path.of(args[0]).toAbsolutePath(), Path.of(args[1]).toAbsolutePath());
        if (!diff.isEmpty()) {
            System.out.println("DIFFERENT: " + diff);
            System.exit(1);
        }
        System.out.println("same: every published table of " + args[0] + " and " + args[1] + " holds the same rows");
    }
}
