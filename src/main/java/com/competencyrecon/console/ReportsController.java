package com.competencyrecon.console;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;

/** A night's published report: the summary page opens in the browser, a CSV file downloads. */
@Controller
class ReportsController {

    private final ReportFolder reports;

    ReportsController(ReportFolder reports) {
        this.reports = reports;
    }

    @GetMapping("/console/nights/{businessDate}/reports/{file}")
    ResponseEntity<Resource> report(@PathVariable String businessDate, @PathVariable String file) {
        LocalDate date = Inputs.date("business date", businessDate);
        Path chosen = reports.file(date, file).orElseThrow(() -> new ConsoleAdvice.NotFound(
                "the night " + date + " published no report " + file));
        boolean page = file.endsWith(".html");
        MediaType type = new MediaType(page ? MediaType.TEXT_HTML : new MediaType("text", "csv"),
                StandardCharsets.UTF_8);
        ContentDisposition disposition = (page ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(date + "-" + file).build();
        return ResponseEntity.ok().contentType(type).header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .body(new FileSystemResource(chosen));
    }
}
