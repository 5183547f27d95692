package io.collector.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How a benchmark writes itself into bench/README.md: its block of latest figures, between two
 * markers, replaced (or added under {@code heading}), and a row added above its history's end marker.
 */
public record ReadmeFigures(String resultsBegin, String resultsEnd, String heading, String historyEnd) {

    public void write(Path readme, String results, String historyRow) throws IOException {
        String text = Files.exists(readme) ? Files.readString(readme, StandardCharsets.UTF_8) : "# Benchmarks\n";
        String block = resultsBegin + "\n" + results + resultsEnd;
        int begin = text.indexOf(resultsBegin);
        int end = text.indexOf(resultsEnd);
        if (begin >= 0 && end > begin) {
            text = text.substring(0, begin) + block + text.substring(end + resultsEnd.length());
        } else {
            text = text + "\n## " + heading + "\n\n" + block + "\n";
        }
        int history = text.indexOf(historyEnd);
        if (history >= 0) {
            text = text.substring(0, history) + historyRow + "\n" + text.substring(history);
        } else {
            text = text + "\n" + historyRow + "\n" + historyEnd + "\n";
        }
        Files.writeString(readme, text, StandardCharsets.UTF_8);
    }
}
