package com.lightningpos.etl.change;

import com.lightningpos.etl.sync.ConsistencyReport;
import com.lightningpos.etl.sync.TableSummary;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;

/**
 * Row count and checksum of a synced table, the same on a shop's database and on its replica.
 * Each row is written in a canonical form (columns sorted by name, values as the generated types
 * read them) and hashed; the checksum is the sum of the row hashes modulo 2^64, so it does not
 * depend on row order and a single changed value changes it.
 */
public final class TableChecksum {

    private TableChecksum() {
    }

    public static TableSummary of(DSLContext db, SyncedTable table) {
        long rows = 0;
        long sum = 0;
        MessageDigest sha = sha256();
        try (Cursor<? extends Record> cursor = db.selectFrom(table.shopTable()).fetchSize(500).fetchLazy()) {
            for (Record record : cursor) {
                rows++;
                sum += rowHash(sha, record);
            }
        }
        return new TableSummary(table.tableName(), rows, checksumText(sum));
    }

    /** Every synced table of a shop-schema database. */
    public static ConsistencyReport report(DSLContext db, long highWaterSeq) {
        List<TableSummary> tables = new ArrayList<>();
        for (SyncedTable table : SyncedTable.values()) {
            tables.add(of(db, table));
        }
        return new ConsistencyReport(highWaterSeq, tables);
    }

    static long rowHash(MessageDigest sha, Record record) {
        TreeMap<String, Object> values = new TreeMap<>();
        for (Field<?> field : record.fields()) {
            values.put(field.getName(), record.get(field));
        }
        return rowHash(sha, values);
    }

    /**
     * The hash of one row given as column name → value, each value in the Java type the shop
     * schema's generated table reads it as. Another tier (PostgreSQL) converts its row to that form
     * first, so that equal rows hash equally everywhere.
     */
    public static long rowHash(MessageDigest sha, Map<String, ?> row) {
        TreeMap<String, String> canonical = new TreeMap<>();
        row.forEach((name, value) -> canonical.put(name, value == null ? "\u0000" : value.toString()));
        StringBuilder text = new StringBuilder();
        canonical.forEach((k, v) -> text.append(k).append('=').append(v.length()).append(':').append(v).append(';'));
        byte[] digest = sha.digest(text.toString().getBytes(StandardCharsets.UTF_8));
        long h = 0;
        for (int i = 0; i < 8; i++) {
            h = (h << 8) | (digest[i] & 0xff);
        }
        return h;
    }

    /** The checksum's text form: the sum of the row hashes modulo 2^64 in hex. */
    public static String checksumText(long sum) {
        return HexFormat.of().toHexDigits(sum);
    }

    public static MessageDigest newDigest() {
        return sha256();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
