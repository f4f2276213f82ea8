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

    JdbcBatch(String namedSql) {
        Matcher matcher = PARAMETER.matcher(namedSql);
        StringBuilder positional = new StringBuilder();
        while (matcher.find()) {
            names.add(matcher.group(1));
            matcher.appendReplacement(positional, "?");
        }
        matcher.appendTail(positional);
        this.sql = positional.toString();
    }

    /** Executes the statement once per row, in one JDBC batch; {@code translate} may rewrite values (provisional case numbers). */
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
                    set(statement, i + 1, name, translate.apply(row.get(name)));
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

    private static void set(PreparedStatement statement, int index, String name, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, numeric(name) ? Types.BIGINT : Types.VARCHAR);
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
