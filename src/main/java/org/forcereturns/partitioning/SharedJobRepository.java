package org.forcereturns.partitioning;

import org.springframework.boot.ExitCodeGenerator;
import org.springframework.core.env.Environment;

/**
 * Remote partitioning shares one JobRepository between the manager and its workers: an embedded H2 database (the
 * default, a file under var/ or memory) is each process's own, so it is refused before anything starts.
 */
final class SharedJobRepository {

    private SharedJobRepository() {
    }

    static void require(Environment environment, String who) {
        String url = environment.getProperty("spring.datasource.url", "");
        if (url.startsWith("jdbc:h2:file:") || url.startsWith("jdbc:h2:mem:") || url.startsWith("jdbc:h2:./")
                || url.isEmpty()) {
            throw new NotShared(who + " needs a JobRepository shared with the "
                    + (who.startsWith("a worker") ? "runs" : "workers")
                    + ", not the embedded H2 database: set spring.datasource.url (e.g. PostgreSQL)");
        }
    }

    /** A setting to change: exit status 2. */
    static final class NotShared extends IllegalStateException implements ExitCodeGenerator {
        NotShared(String message) {
            super(message);
        }

        @Override
        public int getExitCode() {
            return 2;
        }
    }
}
