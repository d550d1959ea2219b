package dev.ignis.api.spi;

import java.util.List;

/**
 * What a driver renders into an upsert: identifiers as the engine's metamodel names them (already quoted where the
 * dialect needs it), never values.
 *
 * @param table         the table
 * @param columns       every column written, in the order of the statement's parameters
 * @param keyColumns    the conflict target: the id column or the columns of one unique constraint
 * @param updateColumns the columns an existing row takes from the new values (may be empty: keep the row as it is)
 */
public record UpsertStatement(String table, List<String> columns, List<String> keyColumns, List<String> updateColumns) {
    public UpsertStatement {
        columns = List.copyOf(columns);
        keyColumns = List.copyOf(keyColumns);
        updateColumns = List.copyOf(updateColumns);
    }

    /** {@code insert into table (c1, c2) values (?, ?)}: the start of the upserts that extend an insert. */
    public String insertValues() {
        return insertValues(1);
    }

    /** {@code insert into table (c1, c2) values (?, ?), (?, ?)}: the same for {@code rows} rows in one statement. */
    public String insertValues(int rows) {
        return "insert into " + table + " (" + String.join(", ", columns) + ") values " + valueRows(rows);
    }

    /** {@code (?, ?), (?, ?)}: one group of parameters per row, one parameter per column. */
    public String valueRows(int rows) {
        String row = "(" + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")";
        return String.join(", ", java.util.Collections.nCopies(rows, row));
    }
}
