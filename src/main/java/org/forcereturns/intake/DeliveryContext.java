package org.forcereturns.intake;

import java.time.Instant;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** A planned delivery as kept in its partition's execution context (and so in the JobRepository). */
public final class DeliveryContext {

    private DeliveryContext() {
    }

    public static ExecutionContext write(PlannedDelivery d, String deliveredAt) {
        ExecutionContext c = new ExecutionContext();
        c.putString("source_file", d.sourceFile());
        c.putString("source", d.source());
        c.putString("gzip", Boolean.toString(d.gzip()));
        c.putString("sha256", d.sha256());
        c.putLong("bytes", d.bytes());
        c.putString("encoding", d.encoding() == null ? "" : d.encoding());
        c.putString("unreadable", d.unreadable() == null ? "" : d.unreadable());
        c.putString("duplicate_of", d.duplicateOf() == null ? "" : d.duplicateOf());
        c.putString("from_archive", Boolean.toString(d.fromArchive()));
        c.putString("delivered_at", deliveredAt);
        c.putLong("inbox_size", d.inboxSize());
        c.putLong("inbox_modified", d.inboxModified());
        c.putString("not_regular", d.notRegular() == null ? "" : d.notRegular());
        return c;
    }

    public static PlannedDelivery read(ExecutionContext c) {
        String encoding = c.getString("encoding");
        String duplicateOf = c.getString("duplicate_of");
        String unreadable = c.getString("unreadable");
        return new PlannedDelivery(c.getString("source_file"), c.getString("source"),
                Boolean.parseBoolean(c.getString("gzip")), c.getString("sha256"), c.getLong("bytes"),
                encoding.isEmpty() ? null : encoding, unreadable.isEmpty() ? null : unreadable,
                duplicateOf.isEmpty() ? null : duplicateOf,
                Boolean.parseBoolean(c.getString("from_archive")),
                c.containsKey("inbox_size") ? c.getLong("inbox_size") : -1,
                c.containsKey("inbox_modified") ? c.getLong("inbox_modified") : -1,
                c.containsKey("not_regular") && !c.getString("not_regular").isEmpty() ? c.getString("not_regular") : null);
    }

    public static Instant deliveredAt(ExecutionContext c) {
        return Instant.parse(c.getString("delivered_at"));
    }
}
