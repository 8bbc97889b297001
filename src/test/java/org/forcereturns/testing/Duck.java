package org.forcereturns.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads published tables back with DuckDB, a reader independent of our Parquet writer. */
public final class Duck implements AutoCloseable {

    private final Connection connection;
    private final Path warehouse;

    public Duck(Path warehouse) throws SQLException {
        this.connection = DriverManager.getConnection("jdbc:duckdb:");
        this.warehouse = warehouse;
    }

    /** The plain read an analyst would type: {@code read_parquet('<warehouse>/<table>/**}{@code /*.parquet')}. */
    public String table(String name) {
        return "read_parquet('" + warehouse.resolve(name) + "/**/*.parquet', hive_partitioning = true)";
    }

    /** Replaces {@code {table}} placeholders with the table reads. */
    public String sql(String template) {
        String out = template;
        int start;
        while ((start = out.indexOf('{')) >= 0) {
            int end = out.indexOf('}', start);
            out = out.substring(0, start) + table(out.substring(start + 1, end)) + out.substring(end + 1);
        }
        return out;
    }

    public long scalarLong(String template) throws SQLException {
        Object v = scalar(template);
        return v == null ? 0 : ((Number) v).longValue();
    }

    public Object scalar(String template) throws SQLException {
        List<Map<String, Object>> rows = rows(template);
        return rows.isEmpty() ? null : rows.get(0).values().iterator().next();
    }

    public List<Map<String, Object>> rows(String template) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(sql(template))) {
            List<Map<String, Object>> out = new ArrayList<>();
            int n = r.getMetaData().getColumnCount();
            while (r.next()) {
                Map<String, Object> row = new java.util.LinkedHashMap<>();
                for (int i = 1; i <= n; i++) {
                    row.put(r.getMetaData().getColumnLabel(i), r.getObject(i));
                }
                out.add(row);
            }
            return out;
        }
    }

    /** name -> long, from a two-column query. */
    public Map<String, Long> longsByKey(String template) throws SQLException {
        Map<String, Long> out = new HashMap<>();
        for (Map<String, Object> row : rows(template)) {
            var it = row.values().iterator();
            Object key = it.next();
            out.put(String.valueOf(key), ((Number) it.next()).longValue());
        }
        return out;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
