package com.lightningpos.pos.catalog;

import static com.lightningpos.db.shop.Tables.ITEMS;
import static com.lightningpos.db.shop.Tables.ITEM_SEARCH_DOCS;
import static org.jooq.impl.DSL.select;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.impl.DSL;

/**
 * The till's item search (shop migration V4): names through the FTS5 trigram table
 * {@code item_search}, SKU and barcode prefixes through the NOCASE indexes. Triggers on
 * {@code items} keep the FTS table current; {@link #rebuild} is for a file that did not have them
 * working (a replica snapshot installed as the till's database).
 */
public final class ItemSearchIndex {

    /** The trigram index needs three characters; shorter terms match names by prefix instead. */
    static final int MIN_INFIX_LENGTH = 3;

    /** Above every character, so {@code term + MAX} bounds the strings starting with {@code term}. */
    private static final String MAX_CODE_POINT = new String(Character.toChars(Character.MAX_CODE_POINT));

    private ItemSearchIndex() {
    }

    /**
     * Items whose name contains {@code term} (or, for one or two characters, starts with it), or whose
     * SKU or barcode starts with it, ignoring case. Every branch is an index lookup.
     */
    static Condition matches(String term) {
        Select<Record1<String>> byName = term.codePointCount(0, term.length()) >= MIN_INFIX_LENGTH
                ? select(ITEM_SEARCH_DOCS.ITEM_ID).from(ITEM_SEARCH_DOCS)
                        .where(DSL.condition("{0} IN (SELECT rowid FROM item_search WHERE item_search MATCH {1})",
                                ITEM_SEARCH_DOCS.DOC_ID, DSL.val(phrase(term))))
                : select(ITEMS.ID).from(ITEMS).where(startsWithIgnoringCase(ITEMS.NAME, term));
        // UNION ALL: IN ignores duplicates anyway, and a UNION would sort the branches to remove them.
        return ITEMS.ID.in(byName
                .unionAll(select(ITEMS.ID).from(ITEMS).where(startsWithIgnoringCase(ITEMS.SKU, term)))
                .unionAll(select(ITEMS.ID).from(ITEMS).where(startsWithIgnoringCase(ITEMS.BARCODE, term))));
    }

    /** Rebuilds the index from {@code items}; run inside the caller's transaction. */
    public static void rebuild(DSLContext tx) {
        tx.execute("DELETE FROM item_search");
        tx.deleteFrom(ITEM_SEARCH_DOCS).execute();
        tx.insertInto(ITEM_SEARCH_DOCS, ITEM_SEARCH_DOCS.ITEM_ID)
                .select(select(ITEMS.ID).from(ITEMS).where(ITEMS.ACTIVE.isTrue().and(ITEMS.DELETED.isFalse())))
                .execute();
        tx.execute("INSERT INTO item_search (rowid, name) SELECT d.doc_id, i.name FROM item_search_docs d JOIN items i ON i.id = d.item_id");
    }

    /** An FTS5 phrase: the term as one string, so operators and quotes in it are plain text. */
    static String phrase(String term) {
        return '"' + term.replace("\"", "\"\"") + '"';
    }

    /**
     * A range on the column's NOCASE order, which its NOCASE index serves (a LIKE with an escape
     * clause would not be turned into a range).
     */
    private static Condition startsWithIgnoringCase(Field<String> column, String prefix) {
        return DSL.condition("{0} COLLATE NOCASE >= {1} AND {0} COLLATE NOCASE < {2}",
                column, DSL.val(prefix), DSL.val(prefix + MAX_CODE_POINT));
    }
}
