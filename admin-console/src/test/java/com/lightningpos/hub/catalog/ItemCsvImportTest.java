package com.lightningpos.hub.catalog;

import static com.lightningpos.db.hub.Tables.CATALOG_CHANGES;
import static com.lightningpos.db.hub.Tables.ITEMS;
import static org.assertj.core.api.Assertions.assertThat;

import com.lightningpos.hub.HubFixtures;
import com.lightningpos.hub.HubTestBase;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

@WithMockUser(username = "olivia", roles = "HEAD_OFFICE")
class ItemCsvImportTest extends HubTestBase {

    @Autowired
    ItemCsvImport csvImport;
    @Autowired
    CatalogService catalog;
    @Autowired
    CategoryService categories;
    @Autowired
    DSLContext db;

    @Test
    void a_file_with_one_bad_row_imports_nothing_and_reports_that_line() {
        String t = HubFixtures.unique("imp");
        String csv = """
                sku,barcode,name,price,category,tax_rate
                %1$s-1,,Apples,1.20,,
                %1$s-2,,Pears,abc,,
                %1$s-3,,"Plums, red",2,,
                """.formatted(t);
        long itemsBefore = db.fetchCount(ITEMS);
        long changesBefore = db.fetchCount(CATALOG_CHANGES);

        ImportReport report = csvImport.importCsv(csv.getBytes(StandardCharsets.UTF_8), "fruit.csv");

        assertThat(report.imported()).isFalse();
        assertThat(report.problems()).containsExactly(new ImportReport.Problem(3, "price 'abc' is not an amount like 2.50"));
        assertThat(db.fetchCount(ITEMS)).isEqualTo(itemsBefore);
        assertThat(db.fetchCount(CATALOG_CHANGES)).isEqualTo(changesBefore);
    }

    @Test
    void every_bad_row_is_listed_with_its_line_and_reason() {
        String t = HubFixtures.unique("imp");
        ItemRow taken = catalog.createItem(new ItemDraft(t + "-owner", t + "-code", "Owner", 100L, null, null, null, null));
        String csv = "sku,barcode,name,price,category,tax_rate\r\n"
                + t + "-1,,,1,,\r\n"                          // line 2: no name
                + t + "-2,,Kiwi,-1,,\r\n"                     // line 3: negative
                + t + "-3,,Kiwi,1,Nowhere,\r\n"               // line 4: unknown category
                + t + "-1,,Again,1,,\r\n"                     // line 5: duplicate SKU (and line 2 is bad too)
                + t + "-5," + t + "-code,Lime,1,,\r\n"        // line 6: barcode of another item
                + t + "-6,,Lime,1\r\n";                       // line 7: too few fields

        ImportReport report = csvImport.importCsv(csv.getBytes(StandardCharsets.UTF_8), "bad.csv");

        assertThat(report.imported()).isFalse();
        assertThat(report.problems()).extracting(ImportReport.Problem::line).containsExactly(2, 3, 4, 5, 6, 7);
        assertThat(report.problems().get(2).reason()).isEqualTo("unknown category 'Nowhere'");
        assertThat(report.problems().get(3).reason()).isEqualTo("SKU " + t + "-1 also on line 2");
        assertThat(report.problems().get(4).reason()).contains("already belongs to item " + taken.sku());
        assertThat(report.problems().get(5).reason()).isEqualTo("expected 6 fields, found 4");
    }

    @Test
    void a_good_file_creates_new_skus_and_updates_known_ones_in_one_go() {
        String t = HubFixtures.unique("imp");
        String category = HubFixtures.unique("Fruit");
        UUID categoryId = categories.create(new CategoryService.Draft(category, null, 0));
        ItemRow known = catalog.createItem(ItemDraft.of(t + "-known", "Old name", 100));
        ItemRow same = catalog.createItem(ItemDraft.of(t + "-same", "Same", 100));
        String csv = "\uFEFFSKU,Barcode,Name,Price,Category,Tax_Rate\n"
                + t + "-new," + t + "-9,\"Melon \"\"XL\"\"\",3.5," + category.toUpperCase() + ",\n"
                + t + "-known,,New name,1.99,,\n"
                + "\n"
                + t + "-same,,Same,1.00,,\n";

        ImportReport report = csvImport.importCsv(csv.getBytes(StandardCharsets.UTF_8), "ok.csv");

        assertThat(report.problems()).isEmpty();
        assertThat(report).isEqualTo(new ImportReport(true, 3, 1, 1, 1, java.util.List.of()));
        ItemRow melon = catalog.page(ItemFilter.text(t + "-new"), java.util.List.of(), 0, 1).get(0);
        assertThat(melon.name()).isEqualTo("Melon \"XL\"");
        assertThat(melon.priceCents()).isEqualTo(350);
        assertThat(melon.categoryId()).isEqualTo(categoryId);
        assertThat(catalog.get(known.id())).extracting(ItemRow::name, ItemRow::priceCents).containsExactly("New name", 199L);
        assertThat(catalog.get(same.id()).version()).isEqualTo(1);
    }

    @Test
    void a_wrong_header_is_reported_on_line_one() {
        ImportReport report = csvImport.importCsv("sku,name,cost\nA,B,1\n".getBytes(StandardCharsets.UTF_8), "x.csv");

        assertThat(report.imported()).isFalse();
        assertThat(report.problems()).allSatisfy(p -> assertThat(p.line()).isEqualTo(1));
        assertThat(report.problems()).extracting(ImportReport.Problem::reason)
                .contains("unknown column 'cost'; expected sku,barcode,name,price,category,tax_rate", "missing column 'price'");
    }
}
