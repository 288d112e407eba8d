package com.lightningpos.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedHubDatabaseTest {

    @TempDir
    Path dir;

    @Test
    void the_hubs_own_embedded_database_is_durable_and_keeps_its_data_across_restarts() throws Exception {
        try (EmbeddedHubDatabase db = EmbeddedHubDatabase.start(dir.resolve("pg"), 0);
             Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            assertThat(setting(s, "fsync")).isEqualTo("on");
            assertThat(setting(s, "synchronous_commit")).isEqualTo("on");
            s.execute("CREATE TABLE kept (v int)");
            s.execute("INSERT INTO kept VALUES (42)");
        }
        try (EmbeddedHubDatabase db = EmbeddedHubDatabase.start(dir.resolve("pg"), 0);
             Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT v FROM kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(42);
        }
    }

    private static String setting(Statement s, String name) throws Exception {
        try (ResultSet rs = s.executeQuery("SHOW " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
