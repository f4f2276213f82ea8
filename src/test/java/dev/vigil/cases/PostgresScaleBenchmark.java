package dev.vigil.cases;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * {@link StoreScaleBenchmark} on a throw-away embedded PostgreSQL, for comparing with SQLite:
 * {@code bench/store-scale.sh N postgres}.
 */
public final class PostgresScaleBenchmark {
    private PostgresScaleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            StoreScaleBenchmark.main(new String[] {postgres.getJdbcUrl("postgres", "postgres"), args[0], "both"});
        }
    }
}
