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

    JdbcBatch(String namedSql) {
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
    }

    /**
     * Executes the statement once per row, in one JDBC batch; {@code translate} rewrites the values of the case-number
     * parameters ({@code :case_number}, {@code :number}: provisional case numbers). Other values are bound as they are.
     */
    void execute(Connection connection, Iterable<Map<String, Object>> rows, UnaryOperator<Object> translate)
            throws SQLException {
        PreparedStatement statement = null;
        try {
            for (Map<String, Object> row : rows) {
                if (statement == null) {
                    statement = connection.prepareStatement(sql);
                }
                for (int i = 0; i < names.size(); i++) {
                    String name = names.get(i);
                    Object value = row.get(name);
                    set(statement, i + 1, name, numeric[i], caseNumber[i] ? translate.apply(value) : value);
                }
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
