package com.lightningpos.hub.catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 reader: comma-separated, fields optionally in double quotes (a quote inside is
 * doubled), CRLF or LF line ends, line breaks allowed inside quotes. Each record keeps the line
 * it starts on, so a validation report can point at it.
 */
final class CsvReader {

    record Row(int line, List<String> fields) {
        boolean isBlank() {
            return fields.size() == 1 && fields.get(0).isBlank();
        }
    }

    static final class MalformedCsvException extends RuntimeException {
        final int line;

        MalformedCsvException(int line, String message) {
            super(message);
            this.line = line;
        }
    }

    private CsvReader() {
    }

    static List<Row> read(String text) {
        String input = text.startsWith("\uFEFF") ? text.substring(1) : text; // spreadsheet programs add a BOM
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int rowStart = 1;
        boolean quoted = false;
        boolean fieldWasQuoted = false;
        int i = 0;
        while (i < input.length()) {
            char c = input.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < input.length() && input.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"') {
                if (!field.isEmpty()) {
                    throw new MalformedCsvException(line, "a quote in the middle of an unquoted field");
                }
                quoted = true;
                fieldWasQuoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                fieldWasQuoted = false;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < input.length() && input.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                rows.add(new Row(rowStart, List.copyOf(fields)));
                fields.clear();
                field.setLength(0);
                fieldWasQuoted = false;
                line++;
                rowStart = line;
            } else {
                if (fieldWasQuoted) {
                    throw new MalformedCsvException(line, "text after a closing quote");
                }
                field.append(c);
            }
            i++;
        }
        if (quoted) {
            throw new MalformedCsvException(rowStart, "a quoted field is not closed");
        }
        if (!field.isEmpty() || !fields.isEmpty()) {
            fields.add(field.toString());
            rows.add(new Row(rowStart, List.copyOf(fields)));
        }
        return rows;
    }
}
