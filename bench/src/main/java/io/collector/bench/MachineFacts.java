package io.collector.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the figures were measured on (shared by the bus and the flow benchmark). */
public final class MachineFacts {

    public final int cpus = Runtime.getRuntime().availableProcessors();
    public final String cpuModel = firstValue("/proc/cpuinfo", "model name");
    public final String memory = memTotal();
    public final String os = System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch");
    public final String java = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
            + " (" + System.getProperty("java.vm.vendor") + ")";
    public final String maxHeap = Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB";
    public final String loadAtStart = loadAverage();
    public String loadAtEnd = "";
    public String rabbitmq = "?";
    public String postgres = "?";
    public String postgresDurability = "?";

    public static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private static String memTotal() {
        String kb = firstValue("/proc/meminfo", "MemTotal");
        try {
            return String.format("%.1f GiB", Long.parseLong(kb.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0);
        } catch (NumberFormatException e) {
            return kb;
        }
    }

    private static String firstValue(String file, String key) {
        try {
            List<String> lines = Files.readAllLines(Path.of(file));
            for (String line : lines) {
                if (line.startsWith(key)) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: leave it unknown
        }
        return "?";
    }
}
