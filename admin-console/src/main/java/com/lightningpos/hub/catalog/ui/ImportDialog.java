package com.lightningpos.hub.catalog.ui;

import com.lightningpos.hub.catalog.ImportReport;
import com.lightningpos.hub.catalog.ItemCsvImport;
import com.lightningpos.hub.ui.Notifications;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;

/** Uploads a CSV file and shows the validation report; a file with any bad row imports nothing. */
class ImportDialog extends Dialog {

    private final ItemCsvImport csvImport;
    private final Runnable onImported;
    private final Div report = new Div();

    ImportDialog(ItemCsvImport csvImport, Runnable onImported) {
        this.csvImport = csvImport;
        this.onImported = onImported;
        setHeaderTitle("Import items from CSV");
        setWidth("44rem");
        // in-memory: the callback runs under the UI's lock (Vaadin wraps it in UI.access)
        Upload upload = new Upload(UploadHandler.inMemory((metadata, data) -> show(csvImport.importCsv(data, metadata.fileName()))));
        upload.setId("import-upload");
        upload.setMaxFiles(1);
        upload.setAcceptedFileTypes(".csv", "text/csv");
        upload.setMaxFileSize(20 * 1024 * 1024);
        report.setId("import-report");
        add(new Paragraph("One item per line. Rows whose SKU exists update that item; new SKUs create items. Prices in "
                        + "currency units (2.50); category and tax rate by name. The first line must be:"),
                new Pre(String.join(",", ItemCsvImport.COLUMNS)), upload, report);
        getFooter().add(new Button("Close", e -> close()));
    }

    private void show(ImportReport result) {
        report.removeAll();
        if (result.imported()) {
            Paragraph done = new Paragraph("Imported " + result.rows() + " rows: " + result.created() + " created, "
                    + result.updated() + " updated, " + result.unchanged() + " unchanged.");
            done.setId("import-result");
            report.add(done);
            Notifications.success("Import done");
            onImported.run();
            return;
        }
        Paragraph rejected = new Paragraph("Nothing was imported: " + result.problems().size()
                + " problems. Fix them and upload the file again.");
        rejected.setId("import-result");
        Grid<ImportReport.Problem> problems = new Grid<>();
        problems.setId("import-problems");
        problems.addThemeVariants(GridVariant.LUMO_COMPACT);
        problems.addColumn(ImportReport.Problem::line).setHeader("Line").setAutoWidth(true).setFlexGrow(0);
        problems.addColumn(ImportReport.Problem::reason).setHeader("Problem");
        problems.setItems(result.problems());
        problems.setAllRowsVisible(result.problems().size() <= 12);
        report.add(rejected, problems);
    }
}
