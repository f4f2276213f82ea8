package dev.vigil.cases.jdbi;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JDBC batch of one statement written with {@code :name} parameters and bound from maps, positionally. The import path
 * binds millions of values; plain JDBC binding costs a fraction of Jdbi's per-argument type resolution.
 */
final class JdbcBatch {

    private static final Pattern PARAMETER = Pattern.compile("(?<![:\\w]):([a-z_]+)");

    private final String sql;
    private final List<String> names = new ArrayList<>();
    /** Per parameter: bound as a number when null. */
    private final boolean[] numeric;
    /** Per parameter: holds a case number, which may be provisional. */
    private final boolean[] caseNumber;

    /** Per parameter, with rows laid out as arrays: the index of its value in a row; null for rows given as maps. */
    private final int[] slots;

    JdbcBatch(String namedSql) {
        this(namedSql, null);
    }

    /**
     * A statement whose rows are arrays laid out as {@code columns} (the value of {@code columns.get(i)} at index i):
     * the import binds millions of values, and a map per row cost the writer thread its building and a look-up per value.
     */
    JdbcBatch(String namedSql, List<String> columns) {
        Matcher matcher = PARAMETER.matcher(namedSql);
        StringBuilder positional = new StringBuilder();
        while (matcher.find()) {
            names.add(matcher.group(1));
            matcher.appendReplacement(positional, "?");
        }
        matcher.appendTail(positional);
        this.sql = positional.toString();
        this.numeric = new boolean[names.size()];
        this.caseNumber = new boolean[names.size()];
        for (int i = 0; i < names.size(); i++) {
            numeric[i] = numeric(names.get(i));
            caseNumber[i] = names.get(i).equals("case_number") || names.get(i).equals("number");
        }
        if (columns == null) {
            this.slots = null;
        } else {
            this.slots = new int[names.size()];
            for (int i = 0; i < names.size(); i++) {
                slots[i] = columns.indexOf(names.get(i));
                if (slots[i] < 0) {
                    throw new IllegalArgumentException(":" + names.get(i) + " is not one of the columns " + columns);
                }
            }
        }
    }

    /** As {@link #execute}, for rows laid out as the columns given to the constructor. */
    void executeRows(Connection connection, Iterable<Object[]> rows, UnaryOperator<Object> translate) throws SQLException {
        executeBatch(connection, rows, (statement, row) -> bindRow(statement, row, translate));
    }

    private void bindRow(PreparedStatement statement, Object[] row, UnaryOperator<Object> translate) throws SQLException {
        for (int i = 0; i < slots.length; i++) {
            Object value = row[slots[i]];
            set(statement, i + 1, names.get(i), numeric[i], caseNumber[i] ? translate.apply(value) : value);
        }
    }

    /**
     * Executes the statement once per row, in one JDBC batch; {@code translate} rewrites the values of the case-number
     * parameters ({@code :case_number}, {@code :number}: provisional case numbers). Other values are bound as they are.
     */
    void execute(Connection connection, Iterable<Map<String, Object>> rows, UnaryOperator<Object> translate)
            throws SQLException {
        executeBatch(connection, rows, (statement, row) -> {
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                Object value = row.get(name);
                set(statement, i + 1, name, numeric[i], caseNumber[i] ? translate.apply(value) : value);
            }
        });
    }

    /** Binds one row of a batch. */
    private interface RowBinder<R> {
        void bind(PreparedStatement statement, R row) throws SQLException;
    }

    /** Prepares the statement at the first row (none for no rows), binds and adds each row, executes them as one batch. */
    private <R> void executeBatch(Connection connection, Iterable<R> rows, RowBinder<R> binder) throws SQLException {
        PreparedStatement statement = null;
        try {
            for (R row : rows) {
                if (statement == null) {
                    statement = connection.prepareStatement(sql);
                }
                binder.bind(statement, row);
                statement.addBatch();
            }
            if (statement != null) {
                statement.executeBatch();
            }
        } finally {
            if (statement != null) {
                statement.close();
            }
        }
    }

    private static void set(PreparedStatement statement, int index, String name, boolean numeric, Object value)
            throws SQLException {
        if (value == null) {
            statement.setNull(index, numeric ? Types.BIGINT : Types.VARCHAR);
        } else if (value instanceof String text) {
            statement.setString(index, text);
        } else if (value instanceof Long number) {
            statement.setLong(index, number);
        } else if (value instanceof Integer number) {
            statement.setInt(index, number);
        } else if (value instanceof Double number) {
            statement.setDouble(index, number);
        } else if (value instanceof byte[] bytes) {
            statement.setBytes(index, bytes);
        } else {
            throw new IllegalArgumentException("cannot bind " + value.getClass().getName() + " to :" + name);
        }
    }

    private static boolean numeric(String name) {
        return name.endsWith("_at") || name.endsWith("_seen") || name.endsWith("number") || name.endsWith("_port")
                || name.equals("occurrences") || name.endsWith("_rank") || name.equals("added") || name.equals("now")
               ;
    }
}
