package dev.gomodel.bench.runner;

import dev.gomodel.bench.harness.Figure;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Every value measured in a run, by client and figure, one per repeat; the table shows each
 * figure's median over the repeats and its ratio to {@code raw}. Not thread-safe.
 */
final class Results {

    private final List<String> clients;
    private final Map<String, Map<Figure, List<Double>>> values = new LinkedHashMap<>();
    private final Map<String, Integer> failures = new LinkedHashMap<>();

    Results(List<String> clients) {
        this.clients = List.copyOf(clients);
        for (String client : clients) {
            values.put(client, new EnumMap<>(Figure.class));
            failures.put(client, 0);
        }
    }

    void add(String client, Figure figure, double value) {
        values.get(client).computeIfAbsent(figure, f -> new ArrayList<>()).add(value);
    }

    void failed(String client) {
        failures.merge(client, 1, Integer::sum);
    }

    boolean anyFailed() {
        return failures.values().stream().anyMatch(n -> n > 0);
    }

    /** The median of a client's values of a figure, or {@code NaN} when it has none. */
    double median(String client, Figure figure) {
        List<Double> list = values.get(client).get(figure);
        if (list == null || list.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = list.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private double ratio(String client, Figure figure) {
        double raw = median("raw", figure);
        double value = median(client, figure);
        return raw == 0 || Double.isNaN(raw) ? Double.NaN : value / raw;
    }

    private boolean hasRaw() {
        return values.containsKey("raw");
    }

    /** The table, in Markdown: ratios to raw (with raw's absolute value) when raw ran, then the absolute medians. */
    String table() {
        StringBuilder out = new StringBuilder();
        if (hasRaw()) {
            out.append("Ratio to raw (raw = 1.00; below 1 is better where lower is better, above 1 where higher is):\n\n");
            StringJoiner head = new StringJoiner(" | ", "| ", " |\n");
            head.add("figure").add("better").add("raw (absolute)");
            clients.forEach(head::add);
            out.append(head);
            out.append(separator(3 + clients.size()));
            for (Figure figure : Figure.values()) {
                StringJoiner row = new StringJoiner(" | ", "| ", " |\n");
                row.add(figure.label()).add(figure.higherIsBetter() ? "higher" : "lower")
                        .add(format(median("raw", figure)) + " " + figure.unit());
                for (String client : clients) {
                    row.add(ratioCell(client, figure));
                }
                out.append(row);
            }
            out.append('\n');
        }
        out.append("Absolute values (median of repeats):\n\n");
        StringJoiner head = new StringJoiner(" | ", "| ", " |\n");
        head.add("figure").add("unit");
        clients.forEach(head::add);
        out.append(head);
        out.append(separator(2 + clients.size()));
        for (Figure figure : Figure.values()) {
            StringJoiner row = new StringJoiner(" | ", "| ", " |\n");
            row.add(figure.label()).add(figure.unit());
            for (String client : clients) {
                row.add(cell(client, format(median(client, figure))));
            }
            out.append(row);
        }
        return out.toString();
    }

    private String ratioCell(String client, Figure figure) {
        double ratio = ratio(client, figure);
        return cell(client, Double.isNaN(ratio) ? "n/a" : String.format(Locale.ROOT, "%.2f", ratio));
    }

    private String cell(String client, String text) {
        int failed = failures.get(client);
        if (failed > 0 && text.equals("n/a")) {
            return "FAILED";
        }
        return failed > 0 ? text + " (" + failed + " failed)" : text;
    }

    /** The CSV: one row per client and figure, with the median, the range, the ratio to raw and every repeat's value. */
    String csv() {
        StringBuilder out = new StringBuilder("figure,label,unit,higher_is_better,client,median,min,max,ratio_to_raw,"
                + "repeats,failed_runs,values\n");
        for (Figure figure : Figure.values()) {
            for (String client : clients) {
                List<Double> list = values.get(client).getOrDefault(figure, List.of());
                double[] sorted = list.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                StringJoiner all = new StringJoiner(";");
                list.forEach(v -> all.add(plain(v)));
                out.append(String.join(",", figure.key(), '"' + figure.label() + '"', figure.unit(),
                        Boolean.toString(figure.higherIsBetter()), client, plain(median(client, figure)),
                        sorted.length == 0 ? "" : plain(sorted[0]), sorted.length == 0 ? "" : plain(sorted[sorted.length - 1]),
                        hasRaw() ? plain(ratio(client, figure)) : "", Integer.toString(list.size()),
                        Integer.toString(failures.get(client)), all.toString())).append('\n');
            }
        }
        return out.toString();
    }

    private static String separator(int columns) {
        String[] cells = new String[columns];
        Arrays.fill(cells, "---");
        return "|" + String.join("|", cells) + "|\n";
    }

    /** A value with the precision it deserves: whole numbers as such, else three significant figures, no exponent. */
    static String format(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 100 || value == Math.rint(value)) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (magnitude >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String plain(double value) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.4f", value);
    }
}
