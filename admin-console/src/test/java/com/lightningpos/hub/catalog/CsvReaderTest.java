package com.lightningpos.hub.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    @Test
    void quoted_fields_may_hold_commas_quotes_and_line_breaks_and_rows_keep_their_first_line() {
        var rows = CsvReader.read("a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\nlines\",z\nlast,row");

        assertThat(rows).extracting(CsvReader.Row::line).containsExactly(1, 2, 3, 5);
        assertThat(rows.get(1).fields()).containsExactly("x, y", "say \"hi\"");
        assertThat(rows.get(2).fields()).containsExactly("two\nlines", "z");
        assertThat(rows.get(3).fields()).isEqualTo(List.of("last", "row"));
    }

    @Test
    void an_unclosed_quote_is_reported_where_its_row_starts() {
        assertThatThrownBy(() -> CsvReader.read("a\n\"open,b\nc"))
                .isInstanceOfSatisfying(CsvReader.MalformedCsvException.class, e -> assertThat(e.line).isEqualTo(2));
    }
}
