package org.forcereturns.storage;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.parquet.avro.AvroSchemaConverter;
import org.apache.parquet.schema.MessageType;

/** A published (or internal) table: its name and column types, built once and shared. */
public final class TableSchema {

    private final String name;
    private final Schema schema;
    private final List<String> withoutDictionary;
    private volatile MessageType parquet;

    private TableSchema(String name, Schema schema, List<String> withoutDictionary) {
        this.name = name;
        this.schema = schema;
        this.withoutDictionary = List.copyOf(withoutDictionary);
    }

    public static Builder table(String name) {
        return new Builder(name);
    }

    public String name() {
        return name;
    }

    public Schema avro() {
        return schema;
    }

    /**
     * Columns written without dictionary encoding: nearly unique values (crime references, line numbers), where a
     * dictionary only costs time before Parquet falls back to plain encoding anyway. The values are the same.
     */
    public List<String> withoutDictionary() {
        return withoutDictionary;
    }

    /** The Parquet schema parquet-avro derives from {@link #avro()}: what every file of this table declares. */
    public MessageType parquet() {
        MessageType p = parquet;
        if (p == null) {
            p = new AvroSchemaConverter().convert(schema);
            parquet = p;
        }
        return p;
    }

    public GenericData.Record newRecord() {
        return new GenericData.Record(schema);
    }

    /** Column types map to Parquet: string = BINARY (STRING), date = INT32 (DATE), long = INT64, int = INT32. */
    public static final class Builder {
        private final String name;
        private final List<Schema.Field> fields = new ArrayList<>();
        private final List<String> withoutDictionary = new ArrayList<>();

        private Builder(String name) {
            this.name = name;
        }

        public Builder string(String column, boolean nullable) {
            return add(column, Schema.create(Schema.Type.STRING), nullable);
        }

        public Builder int64(String column, boolean nullable) {
            return add(column, Schema.create(Schema.Type.LONG), nullable);
        }

        public Builder int32(String column, boolean nullable) {
            return add(column, Schema.create(Schema.Type.INT), nullable);
        }

        public Builder float64(String column, boolean nullable) {
            return add(column, Schema.create(Schema.Type.DOUBLE), nullable);
        }

        public Builder bool(String column, boolean nullable) {
            return add(column, Schema.create(Schema.Type.BOOLEAN), nullable);
        }

        public Builder date(String column, boolean nullable) {
            return add(column, LogicalTypes.date().addToSchema(Schema.create(Schema.Type.INT)), nullable);
        }

        /** The column just added holds (nearly) unique values: write it without a dictionary. */
        public Builder unique() {
            withoutDictionary.add(fields.get(fields.size() - 1).name());
            return this;
        }

        private Builder add(String column, Schema type, boolean nullable) {
            Schema fieldType = nullable ? Schema.createUnion(Schema.create(Schema.Type.NULL), type) : type;
            fields.add(new Schema.Field(column, fieldType, null, nullable ? Schema.Field.NULL_DEFAULT_VALUE : null));
            return this;
        }

        public TableSchema build() {
            Schema record = Schema.createRecord(name, null, "org.forcereturns.tables", false, fields);
            return new TableSchema(name, record, withoutDictionary);
        }
    }
}
