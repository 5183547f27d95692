package io.collector.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time so far, to take differences over the measured window: this JVM (the platform and the
 * client threads), RabbitMQ ({@code beam.smp}), PostgreSQL ({@code postgres} processes, including
 * other users' sessions) and the whole machine ({@code /proc/stat}). Linux only; elsewhere the
 * figures are NaN.
 */
public record CpuSnapshot(long nanos, double jvm, double broker, double database, double machineBusy, double machineTotal) {

    private static final double TICK = 100.0; // USER_HZ on Linux

    public static CpuSnapshot now() {
        double jvm = Double.NaN;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            jvm = os.getProcessCpuTime() / 1e9;
        }
        double broker = 0;
        double database = 0;
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                String stat;
                try {
                    stat = Files.readString(process.resolve("stat"));
                } catch (IOException | RuntimeException gone) {
                    continue;
                }
                int open = stat.indexOf('(');
                int close = stat.lastIndexOf(')');
                if (open < 0 || close < 0) {
                    continue;
                }
                String comm = stat.substring(open + 1, close);
                String[] fields = stat.substring(close + 2).split(" ");
                // after "(comm) ": state is field 0, utime field 11, stime field 12
                double seconds = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICK;
                if (comm.equals("beam.smp")) {
                    broker += seconds;
                } else if (comm.equals("postgres")) {
                    database += seconds;
                }
            }
        } catch (IOException | RuntimeException e) {
            broker = Double.NaN;
            database = Double.NaN;
        }
        double busy = Double.NaN;
        double total = Double.NaN;
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            total = 0;
            for (int i = 1; i < cpu.length && i <= 8; i++) {
                total += Long.parseLong(cpu[i]);
            }
            double idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
            busy = (total - idle) / TICK;
            total = total / TICK;
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return new CpuSnapshot(System.nanoTime(), jvm, broker, database, busy, total);
    }

    /** Cores in use on average between {@code earlier} and this snapshot. */
    public Usage since(CpuSnapshot earlier) {
        double seconds = (nanos - earlier.nanos) / 1e9;
        return new Usage((jvm - earlier.jvm) / seconds, (broker - earlier.broker) / seconds,
                (database - earlier.database) / seconds, (machineBusy - earlier.machineBusy) / seconds,
                (machineTotal - earlier.machineTotal) / seconds);
    }

    /** Average cores busy: this JVM, RabbitMQ, PostgreSQL, the whole machine, and the machine's cores. */
    public record Usage(double jvm, double broker, double database, double machine, double cores) {
        public double other() {
            return machine - jvm - broker - database;
        }

        @Override
        public String toString() {
            return String.format("%.2f of %.0f cores busy: this JVM %.2f, RabbitMQ %.2f, PostgreSQL %.2f, other %.2f",
                    machine, cores, jvm, broker, database, Math.max(0, other()));
        }
    }
}
