package com.lightningpos.hub.catalog;

import static com.lightningpos.db.hub.Tables.CATEGORIES;
import static com.lightningpos.db.hub.Tables.ITEMS;
import static com.lightningpos.db.hub.Tables.TAX_RATES;

import com.lightningpos.db.hub.tables.records.ItemsRecord;
import com.lightningpos.etl.change.SyncedTable;
import com.lightningpos.etl.clock.UuidV7;
import com.lightningpos.etl.hub.HubCatalog;
import com.lightningpos.hub.audit.AuditLog;
import com.lightningpos.hub.audit.CurrentUser;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Imports items from CSV ({@code sku,barcode,name,price,category,tax_rate}; price in currency units
 * like {@code 2.50}; category and tax rate by name). Rows are matched to existing items by SKU:
 * a known SKU updates that item, a new one creates an item. All or nothing: every bad row is
 * reported with its line and reason, and if there is any, nothing is imported.
 */
@Service
public class ItemCsvImport {

    public static final List<String> COLUMNS = List.of("sku", "barcode", "name", "price", "category", "tax_rate");
    static final int MAX_ROWS = 50_000;
    private static final Pattern PRICE = Pattern.compile("\\d{1,12}(\\.\\d{1,2})?");
    private static final int BATCH = 1000;

    private final DSLContext db;
    private final HubCatalog catalog;
    private final AuditLog audit;
    private final UuidV7 ids;

    public ItemCsvImport(DSLContext db, HubCatalog catalog, AuditLog audit, Clock clock) {
        this.db = db;
        this.catalog = catalog;
        this.audit = audit;
        this.ids = new UuidV7(clock, new SecureRandom());
    }

    /** One data row, parsed. */
    private record Line(int line, String sku, String barcode, String name, long priceCents, UUID categoryId, UUID taxRateId) {
    }

    @PreAuthorize("hasRole('HEAD_OFFICE')")
    public ImportReport importCsv(byte[] data, String fileName) {
        List<ImportReport.Problem> problems = new ArrayList<>();
        List<CsvReader.Row> rows;
        try {
            rows = CsvReader.read(decode(data)).stream().filter(r -> !r.isBlank()).toList();
        } catch (CharacterCodingException e) {
            return ImportReport.rejected(0, List.of(new ImportReport.Problem(1, "the file is not UTF-8 text")));
        } catch (CsvReader.MalformedCsvException e) {
            return ImportReport.rejected(0, List.of(new ImportReport.Problem(e.line, "malformed CSV: " + e.getMessage())));
        }
        if (rows.isEmpty()) {
            return ImportReport.rejected(0, List.of(new ImportReport.Problem(1, "the file is empty; expected the header "
                    + String.join(",", COLUMNS))));
        }
        Map<String, Integer> columns = header(rows.get(0), problems);
        List<CsvReader.Row> dataRows = rows.subList(1, rows.size());
        if (!problems.isEmpty()) {
            return ImportReport.rejected(dataRows.size(), problems);
        }
        if (dataRows.size() > MAX_ROWS) {
            return ImportReport.rejected(dataRows.size(), List.of(new ImportReport.Problem(MAX_ROWS + 2,
                    "at most " + MAX_ROWS + " rows per file; split the file")));
        }
        return db.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            List<Line> lines = parse(tx, dataRows, columns, problems);
            Map<String, ItemsRecord> existing = existingBySku(tx, lines, problems);
            checkBarcodes(tx, lines, existing, problems);
            if (!problems.isEmpty()) {
                problems.sort((a, b) -> Integer.compare(a.line(), b.line()));
                return ImportReport.rejected(dataRows.size(), problems);
            }
            return write(tx, lines, existing, fileName);
        });
    }

    private ImportReport write(DSLContext tx, List<Line> lines, Map<String, ItemsRecord> existing, String fileName) {
        String user = CurrentUser.name();
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        for (Line line : lines) {
            ItemsRecord current = existing.get(line.sku());
            if (current == null) {
                ItemChanges values = ItemChanges.of(fields(line)).with(ItemField.UNIT, "each").with(ItemField.ACTIVE, true);
                catalog.saveFromHub(tx, SyncedTable.ITEMS, ids.next(), values.toWire(), user);
                created++;
            } else {
                ItemChanges changed = changedFields(line, current);
                if (changed.isEmpty()) {
                    unchanged++;
                } else {
                    catalog.saveFromHub(tx, SyncedTable.ITEMS, current.getId(), changed.toWire(), user);
                    updated++;
                }
            }
        }
        audit.record(tx, user, "items.import", fileName,
                lines.size() + " rows: " + created + " created, " + updated + " updated, " + unchanged + " unchanged");
        return new ImportReport(true, lines.size(), created, updated, unchanged, List.of());
    }

    private static Map<ItemField, Object> fields(Line line) {
        Map<ItemField, Object> values = new EnumMap<>(ItemField.class);
        values.put(ItemField.SKU, line.sku());
        values.put(ItemField.BARCODE, line.barcode());
        values.put(ItemField.NAME, line.name());
        values.put(ItemField.PRICE_CENTS, line.priceCents());
        values.put(ItemField.CATEGORY_ID, line.categoryId());
        values.put(ItemField.TAX_RATE_ID, line.taxRateId());
        return values;
    }

    private static ItemChanges changedFields(Line line, ItemsRecord current) {
        Map<ItemField, Object> changed = new EnumMap<>(ItemField.class);
        Map<ItemField, Object> wanted = fields(line);
        Map<ItemField, Object> now = Map.of(
                ItemField.SKU, current.getSku(),
                ItemField.NAME, current.getName(),
                ItemField.PRICE_CENTS, current.getPriceCents());
        wanted.forEach((field, value) -> {
            Object before = switch (field) {
                case BARCODE -> current.getBarcode();
                case CATEGORY_ID -> current.getCategoryId();
                case TAX_RATE_ID -> current.getTaxRateId();
                default -> now.get(field);
            };
            if (!Objects.equals(before, value)) {
                changed.put(field, value);
            }
        });
        return ItemChanges.of(changed);
    }

    private static Map<String, Integer> header(CsvReader.Row row, List<ImportReport.Problem> problems) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < row.fields().size(); i++) {
            String name = row.fields().get(i).strip().toLowerCase(Locale.ROOT);
            if (!COLUMNS.contains(name)) {
                problems.add(new ImportReport.Problem(row.line(), "unknown column '" + name + "'; expected "
                        + String.join(",", COLUMNS)));
            } else if (columns.putIfAbsent(name, i) != null) {
                problems.add(new ImportReport.Problem(row.line(), "column '" + name + "' appears twice"));
            }
        }
        for (String required : COLUMNS) {
            if (!columns.containsKey(required)) {
                problems.add(new ImportReport.Problem(row.line(), "missing column '" + required + "'"));
            }
        }
        return columns;
    }

    private List<Line> parse(DSLContext tx, List<CsvReader.Row> rows, Map<String, Integer> columns,
                             List<ImportReport.Problem> problems) {
        Map<String, List<UUID>> categories = byLowerName(tx, CATEGORIES, CATEGORIES.NAME, CATEGORIES.ID, CATEGORIES.DELETED);
        Map<String, List<UUID>> taxRates = byLowerName(tx, TAX_RATES, TAX_RATES.NAME, TAX_RATES.ID, TAX_RATES.DELETED);
        Map<String, Integer> skuLines = new HashMap<>();
        Map<String, Integer> barcodeLines = new HashMap<>();
        List<Line> lines = new ArrayList<>();
        for (CsvReader.Row row : rows) {
            List<String> reasons = new ArrayList<>();
            if (row.fields().size() != columns.size()) {
                problems.add(new ImportReport.Problem(row.line(), "expected " + columns.size() + " fields, found "
                        + row.fields().size()));
                continue;
            }
            String sku = cell(row, columns, "sku");
            String barcode = cell(row, columns, "barcode");
            String name = cell(row, columns, "name");
            Long price = price(cell(row, columns, "price"), reasons);
            UUID category = reference("category", cell(row, columns, "category"), categories, reasons);
            UUID taxRate = reference("tax rate", cell(row, columns, "tax_rate"), taxRates, reasons);
            if (sku.isEmpty()) {
                reasons.add("sku is required");
            } else if (sku.length() > ItemRules.MAX_SKU) {
                reasons.add("sku has more than " + ItemRules.MAX_SKU + " characters");
            } else {
                Integer first = skuLines.putIfAbsent(sku, row.line());
                if (first != null) {
                    reasons.add("SKU " + sku + " also on line " + first);
                }
            }
            if (name.isEmpty()) {
                reasons.add("name is required");
            } else if (name.length() > ItemRules.MAX_NAME) {
                reasons.add("name has more than " + ItemRules.MAX_NAME + " characters");
            }
            if (!barcode.isEmpty()) {
                if (barcode.length() > ItemRules.MAX_BARCODE) {
                    reasons.add("barcode has more than " + ItemRules.MAX_BARCODE + " characters");
                }
                Integer first = barcodeLines.putIfAbsent(barcode, row.line());
                if (first != null) {
                    reasons.add("barcode " + barcode + " also on line " + first);
                }
            }
            if (reasons.isEmpty()) {
                lines.add(new Line(row.line(), sku, barcode.isEmpty() ? null : barcode, name, price, category, taxRate));
            } else {
                problems.add(new ImportReport.Problem(row.line(), String.join("; ", reasons)));
            }
        }
        return lines;
    }

    private static Map<String, ItemsRecord> existingBySku(DSLContext tx, List<Line> lines, List<ImportReport.Problem> problems) {
        Map<String, List<ItemsRecord>> found = new HashMap<>();
        for (List<Line> batch : batches(lines)) {
            tx.selectFrom(ITEMS)
                    .where(ITEMS.SKU.in(batch.stream().map(Line::sku).toList()).and(ITEMS.DELETED.isFalse()))
                    .forUpdate()
                    .forEach(r -> found.computeIfAbsent(r.getSku(), k -> new ArrayList<>()).add(r));
        }
        Map<String, ItemsRecord> existing = new HashMap<>();
        for (Line line : lines) {
            List<ItemsRecord> matches = found.getOrDefault(line.sku(), List.of());
            if (matches.size() > 1) {
                problems.add(new ImportReport.Problem(line.line(), "SKU " + line.sku() + " matches " + matches.size()
                        + " items; edit them in the catalog instead"));
            } else if (matches.size() == 1) {
                existing.put(line.sku(), matches.get(0));
            }
        }
        return existing;
    }

    private static void checkBarcodes(DSLContext tx, List<Line> lines, Map<String, ItemsRecord> existing,
                                      List<ImportReport.Problem> problems) {
        List<Line> withBarcode = lines.stream().filter(l -> l.barcode() != null).toList();
        Map<String, ItemsRecord> owners = new HashMap<>();
        for (List<Line> batch : batches(withBarcode)) {
            tx.selectFrom(ITEMS)
                    .where(ITEMS.BARCODE.in(batch.stream().map(Line::barcode).toList()))
                    .forEach(r -> owners.put(r.getBarcode(), r));
        }
        for (Line line : withBarcode) {
            ItemsRecord owner = owners.get(line.barcode());
            ItemsRecord self = existing.get(line.sku());
            if (owner != null && (self == null || !owner.getId().equals(self.getId()))) {
                problems.add(new ImportReport.Problem(line.line(), "barcode " + line.barcode() + " already belongs to item "
                        + owner.getSku() + " (" + owner.getName() + (owner.getDeleted() ? ", deleted" : "") + ")"));
            }
        }
    }

    private static <T> List<List<T>> batches(List<T> all) {
        List<List<T>> batches = new ArrayList<>();
        for (int i = 0; i < all.size(); i += BATCH) {
            batches.add(all.subList(i, Math.min(all.size(), i + BATCH)));
        }
        return batches;
    }

    private static String cell(CsvReader.Row row, Map<String, Integer> columns, String column) {
        return row.fields().get(columns.get(column)).strip();
    }

    private static Long price(String text, List<String> reasons) {
        if (text.isEmpty()) {
            reasons.add("price is required");
            return null;
        }
        if (text.startsWith("-")) {
            reasons.add("price must not be negative");
            return null;
        }
        if (!PRICE.matcher(text).matches()) {
            reasons.add("price '" + text + "' is not an amount like 2.50");
            return null;
        }
        return new java.math.BigDecimal(text).movePointRight(2).longValueExact();
    }

    private static UUID reference(String what, String name, Map<String, List<UUID>> byName, List<String> reasons) {
        if (name.isEmpty()) {
            return null;
        }
        List<UUID> matches = byName.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        if (matches.isEmpty()) {
            reasons.add("unknown " + what + " '" + name + "'");
            return null;
        }
        if (matches.size() > 1) {
            reasons.add(what + " name '" + name + "' is ambiguous");
            return null;
        }
        return matches.get(0);
    }

    private static Map<String, List<UUID>> byLowerName(DSLContext tx, Table<?> table, Field<String> name, Field<UUID> id,
                                                       Field<Boolean> deleted) {
        Map<String, List<UUID>> map = new HashMap<>();
        tx.select(name, id).from(table).where(deleted.isFalse())
                .forEach(r -> map.computeIfAbsent(r.value1().strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(r.value2()));
        return map;
    }

    private static String decode(byte[] data) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(data))
                .toString();
    }
}
