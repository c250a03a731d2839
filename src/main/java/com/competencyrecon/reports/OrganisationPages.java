package com.competencyrecon.reports;

import com.competencyrecon.catalog.Catalog;
import com.competencyrecon.catalog.Level;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;

import static com.competencyrecon.reports.Html.bdi;
import static com.competencyrecon.reports.Html.esc;

/**
 * Writes {@code organisations/<page>.html} for each organisation the caller hands in (in id order, a batch at a
 * time) and {@code organisations/index.html} linking them all, streamed: nothing of an organisation is kept
 * once its page is written.
 */
public final class OrganisationPages implements AutoCloseable {

    private final Path folder;
    private final LocalDate night;
    private final YearMonth ttmEnd;
    private final Catalog catalog;
    private final BufferedWriter index;
    /** The index file itself, closed apart from its writer (see {@link CsvReport#close()}). */
    private final java.io.OutputStream indexFile;
    private long written;

    public OrganisationPages(Path reportFolder, LocalDate night, YearMonth ttmEnd, Catalog catalog) {
        this.folder = reportFolder.resolve(PageNames.FOLDER);
        this.night = night;
        this.ttmEnd = ttmEnd;
        this.catalog = catalog;
        try {
            Files.createDirectories(folder);
            indexFile = Files.newOutputStream(reportFolder.resolve(PageNames.INDEX));
            index = new BufferedWriter(new java.io.OutputStreamWriter(indexFile, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the organisation pages under " + folder, e);
        }
        try {
            StringBuilder head = new StringBuilder();
            Html.open(head, "Organisations " + night);
            head.append("<p><a href=\"../summary.html\">Night of ").append(esc(night)).append("</a></p>\n<h1>Organisations on ")
                    .append(esc(night)).append("</h1>\n<table>\n<tr><th>organisation</th><th>id</th>")
                    .append("<th class=\"n\">competencies with a level</th></tr>\n");
            index.write(head.toString());
        } catch (IOException e) {
            try {
                indexFile.close();
            } catch (IOException ignored) {
                // the failure being reported already says what went wrong
            }
            throw new UncheckedIOException("cannot write the organisation pages under " + folder, e);
        }
    }

    public void write(OrganisationPage.Input page) {
        String file = PageNames.fileOf(page.org().orgId());
        long levels = page.results().stream().filter(r -> r.attainedLevel() != Level.NONE).count();
        try {
            Files.writeString(folder.resolve(file), OrganisationPage.render(night, ttmEnd, catalog, page),
                    StandardCharsets.UTF_8);
            index.write("<tr><td><a href=\"" + esc(file) + "\">" + bdi(page.org().name()) + "</a></td><td>"
                    + bdi(page.org().orgId()) + "</td><td class=\"n\">" + levels + "</td></tr>\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the page of an organisation under " + folder, e);
        }
        written++;
    }

    public long written() {
        return written;
    }

    @Override
    public void close() {
        try (java.io.OutputStream file = indexFile; BufferedWriter out = index) {
            StringBuilder tail = new StringBuilder("</table>\n");
            Html.close(tail);
            out.write(tail.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
