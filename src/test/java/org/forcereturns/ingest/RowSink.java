package org.forcereturns.ingest;

import java.io.IOException;
import org.forcereturns.domain.CleanOffence;
import org.forcereturns.domain.Reject;

/** Where a file's rows go as they are read, so that no file is ever held in memory whole. */
interface RowSink {

    void accepted(CleanOffence offence) throws IOException;

    void rejected(Reject reject) throws IOException;
}
