package com.lightningpos.etl.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CatalogNormaliserTest {

    @Test
    void textIsTrimmedAndInnerWhitespaceCollapsed() {
        assertThat(CatalogNormaliser.text("  Whole \t milk\n 1 l ")).isEqualTo("Whole milk 1 l");
        assertThat(CatalogNormaliser.text(" \t ")).isNull();
        assertThat(CatalogNormaliser.text(null)).isNull();
        assertThat(CatalogNormaliser.skuKey(" MILK-1L ")).isEqualTo("milk-1l");
    }

    @Test
    void spacesAndDashesAreRemovedFromBarcodesAndNoted() {
        CatalogNormaliser.Barcode barcode = CatalogNormaliser.barcode(" 4006381 333931 ");
        assertThat(barcode.code()).isEqualTo("4006381333931");
        assertThat(barcode.notes()).containsExactly(CatalogNormaliser.BARCODE_WHITESPACE_REMOVED);
        assertThat(barcode.corrected()).isNull();

        CatalogNormaliser.Barcode dashed = CatalogNormaliser.barcode("4-006381-33393-1");
        assertThat(dashed.code()).isEqualTo("4006381333931");
        assertThat(dashed.notes()).containsExactly(CatalogNormaliser.BARCODE_DASHES_REMOVED);
    }

    @Test
    void blankBarcodeIsNone() {
        assertThat(CatalogNormaliser.barcode("  ").present()).isFalse();
        assertThat(CatalogNormaliser.barcode(null).present()).isFalse();
    }

    @Test
    void checkDigitsOfEan13Ean8AndUpcA() {
        assertThat(CatalogNormaliser.checkDigitValid("4006381333931")).isTrue();   // EAN-13
        assertThat(CatalogNormaliser.checkDigitValid("4006381333932")).isFalse();
        assertThat(CatalogNormaliser.checkDigitValid("96385074")).isTrue();        // EAN-8
        assertThat(CatalogNormaliser.checkDigitValid("96385075")).isFalse();
        assertThat(CatalogNormaliser.checkDigitValid("036000291452")).isTrue();    // UPC-A
        assertThat(CatalogNormaliser.checkDigitValid("036000291453")).isFalse();
        assertThat(CatalogNormaliser.checkDigitValid("12345")).isFalse();          // not a GTIN shape
    }

    @Test
    void wrongCheckDigitGivesTheCorrectedCodeAsASecondChoice() {
        CatalogNormaliser.Barcode ean13 = CatalogNormaliser.barcode("4006381333939");
        assertThat(ean13.exact()).containsExactly("4006381333939");
        assertThat(ean13.corrected()).isEqualTo("4006381333931");
        assertThat(ean13.correctedEquivalents()).containsExactly("4006381333931");

        assertThat(CatalogNormaliser.barcode("96385070").corrected()).isEqualTo("96385074");
        assertThat(CatalogNormaliser.barcode("036000291450").correctedEquivalents())
                .containsExactly("036000291452", "0036000291452");
    }

    @Test
    void upcAIsAlsoTriedAsItsEan13AndBack() {
        assertThat(CatalogNormaliser.barcode("036000291452").exact()).containsExactly("036000291452", "0036000291452");
        assertThat(CatalogNormaliser.barcode("0036000291452").exact()).containsExactly("0036000291452", "036000291452");
    }

    @Test
    void codesThatAreNotGtinsAreKeptAsTheyAre() {
        CatalogNormaliser.Barcode internal = CatalogNormaliser.barcode("ABC 123");
        assertThat(internal.code()).isEqualTo("ABC123");
        assertThat(internal.exact()).containsExactly("ABC123");
        assertThat(internal.corrected()).isNull();
    }
}
