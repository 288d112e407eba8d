import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.ForcedType;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Jdbc;
import org.jooq.meta.jaxb.Target;

/**
 * Build-time code generation: migrates a fresh SQLite file and a fresh embedded PostgreSQL with the
 * project's Flyway migrations and generates jOOQ classes from the real schemas. Skipped when the
 * generated code is newer than every migration, so repeated builds stay fast.
 */
public class JooqCodegen {

    public static void main(String[] args) throws Exception {
        Path base = Path.of(args[0]);
        Path migrations = base.resolve("src/main/resources/db");
        Path out = base.resolve("target/generated-sources/jooq");
        Path stamp = base.resolve("target/jooq-codegen.stamp");
        if (Files.exists(stamp) && newestChange(migrations, base.resolve("src/build")) < Files.getLastModifiedTime(stamp).toMillis()) {
            System.out.println("jOOQ code is up to date with the migrations");
            return;
        }
        Files.createDirectories(base.resolve("target"));
        generateShop(base, migrations.resolve("shop"), out);
        generateHub(base, migrations.resolve("hub"), out);
        Files.writeString(stamp, "generated\n");
    }

    private static long newestChange(Path... roots) throws IOException {
        long newest = 0;
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    newest = Math.max(newest, Files.getLastModifiedTime(p).toMillis());
                }
            }
        }
        return newest;
    }

    private static void generateShop(Path base, Path migrations, Path out) throws Exception {
        Path file = base.resolve("target/codegen-shop.db");
        Files.deleteIfExists(file);
        String url = "jdbc:sqlite:" + file;
        Flyway.configure().dataSource(url, null, null).locations("filesystem:" + migrations).load().migrate();
        Database database = new Database()
                .withName("org.jooq.meta.sqlite.SQLiteDatabase")
                .withIncludes(".*")
                // The FTS5 search index and its shadow tables are queried with plain SQL.
                .withExcludes("flyway_schema_history|sqlite_.*|item_search|item_search_(data|idx|config|docsize|content)")
                .withForcedTypes(
                        new ForcedType().withName("BOOLEAN")
                                .withIncludeExpression("(?i).*\\.(is_active|active|deleted|inclusive|tax_inclusive|price_overridden|paid_from_till|applying_remote)"),
                        new ForcedType().withName("BIGINT")
                                .withIncludeExpression("(?i).*\\.(.*_cents|.*_milli|seq|.*_seq|cursor|receipt_no|last_no|size_bytes)"));
        generate(new Jdbc().withDriver("org.sqlite.JDBC").withUrl(url), database, "com.lightningpos.db.shop", out);
    }

    private static void generateHub(Path base, Path migrations, Path out) throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            String url = pg.getJdbcUrl("postgres", "postgres");
            Flyway.configure().dataSource(url, "postgres", null).locations("filesystem:" + migrations).load().migrate();
            Database database = new Database()
                    .withName("org.jooq.meta.postgres.PostgresDatabase")
                    .withInputSchema("public")
                    .withIncludes(".*")
                    .withExcludes("flyway_schema_history");
            generate(new Jdbc().withDriver("org.postgresql.Driver").withUrl(url).withUser("postgres"), database,
                    "com.lightningpos.db.hub", out);
        }
    }

    private static void generate(Jdbc jdbc, Database database, String pkg, Path out) throws Exception {
        GenerationTool.generate(new Configuration()
                .withLogging(org.jooq.meta.jaxb.Logging.WARN)
                .withJdbc(jdbc)
                .withGenerator(new Generator()
                        .withDatabase(database)
                        .withGenerate(new Generate().withRecords(true).withPojos(false).withJavaTimeTypes(true))
                        .withTarget(new Target().withPackageName(pkg).withDirectory(out.toString()))));
    }
}
