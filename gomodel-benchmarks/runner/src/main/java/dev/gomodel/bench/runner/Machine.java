package dev.gomodel.bench.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** What the run's header says about the machine and the JDK; read once, immutable. */
record Machine(int processors, String cpu, String memory, String jdk, String os, String load) {

    static Machine describe() {
        String cpu = "unknown CPU";
        String memory = "unknown memory";
        String load = "n/a";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    cpu = line.substring(line.indexOf(':') + 1).trim();
                    break;
                }
            }
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kib = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    memory = String.format(Locale.ROOT, "%.1f GiB", kib / 1024.0 / 1024.0);
                    break;
                }
            }
            String[] loadavg = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            load = loadavg[0] + " " + loadavg[1] + " " + loadavg[2];
        } catch (IOException | RuntimeException e) {
            // Not Linux, or not readable: the header says unknown.
        }
        return new Machine(Runtime.getRuntime().availableProcessors(), cpu, memory,
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " ("
                        + System.getProperty("java.vendor") + ")",
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                load);
    }

    String describeLine() {
        return processors + " CPUs (" + cpu + "), " + memory + ", " + os;
    }
}
