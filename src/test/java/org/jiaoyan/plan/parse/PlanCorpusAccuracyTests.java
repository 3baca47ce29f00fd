package org.jiaoyan.plan.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The parser against the labelled corpus under {@code plan-fixtures/corpus/}: plans in many layouts (glued web tables,
 * cells on their own lines, pipe and TAB tables with merged cells, time words, .docx/.doc/.pdf/.xlsx/.xls with merged
 * cells), each with {@code <name>.expected.tsv} (content, months, weeks, owner). An item is right when all four equal
 * the label. Precision = right / found, recall = right / labelled, per layout (the name before "-01").
 */
class PlanCorpusAccuracyTests {

    /** Below this, per layout, the test fails. */
    static final double THRESHOLD = 0.9;

    record Item(String content, String months, String weeks, String owner) {
    }

    record Score(int plans, int right, int found, int expected) {

        Score plus(Score o) {
            return new Score(plans + o.plans, right + o.right, found + o.found, expected + o.expected);
        }

        double precision() {
            return found == 0 ? 1 : (double) right / found;
        }

        double recall() {
            return expected == 0 ? 1 : (double) right / expected;
        }
    }

    @Test
    void everyLayoutIsReadWithPrecisionAndRecallOfAtLeastNinetyPercent() throws Exception {
        Map<String, Score> byLayout = new TreeMap<>();
        for (Path label : labels()) {
            String name = label.getFileName().toString().replace(".expected.tsv", "");
            String layout = name.replaceAll("-\\d+$", "");
            byLayout.merge(layout, score(name, label), Score::plus);
        }
        StringBuilder table = new StringBuilder("\nplan corpus: layout | plans | labelled | found | right | precision | recall\n");
        Score all = new Score(0, 0, 0, 0);
        for (var e : byLayout.entrySet()) {
            Score s = e.getValue();
            all = all.plus(s);
            table.append(String.format("  %-14s | %2d | %3d | %3d | %3d | %.2f | %.2f%n", e.getKey(), s.plans, s.expected,
                    s.found, s.right, s.precision(), s.recall()));
        }
        table.append(String.format("  %-14s | %2d | %3d | %3d | %3d | %.2f | %.2f%n", "all", all.plans, all.expected,
                all.found, all.right, all.precision(), all.recall()));
        System.out.println(table);
        assertThat(all.plans).isGreaterThanOrEqualTo(30);
        assertThat(byLayout).hasSizeGreaterThanOrEqualTo(10);
        for (var e : byLayout.entrySet()) {
            assertThat(e.getValue().precision()).as("precision of " + e.getKey()).isGreaterThanOrEqualTo(THRESHOLD);
            assertThat(e.getValue().recall()).as("recall of " + e.getKey()).isGreaterThanOrEqualTo(THRESHOLD);
        }
    }

    static List<Path> labels() throws IOException, URISyntaxException {
        // -Djiaoyan.planCorpus=DIR scores another folder of labelled plans (e.g. new ones, before they join the corpus)
        String other = System.getProperty("jiaoyan.planCorpus");
        Path dir = other != null ? Path.of(other)
                : Path.of(Objects.requireNonNull(PlanCorpusAccuracyTests.class.getResource("/plan-fixtures/corpus")).toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".expected.tsv")).sorted().toList();
        }
    }

    static Path fileOf(Path label) throws IOException {
        String name = label.getFileName().toString().replace(".expected.tsv", "");
        try (Stream<Path> files = Files.list(label.getParent())) {
            return files.filter(p -> p.getFileName().toString().startsWith(name + ".") && !p.equals(label)).findFirst()
                    .orElseThrow(() -> new IOException("no plan file for " + label));
        }
    }

    private static Score score(String name, Path label) throws IOException {
        List<Item> expected = new ArrayList<>();
        List<String> lines = Files.readAllLines(label, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = Arrays.copyOf(line.split("\t", -1), 4);
            expected.add(new Item(normalise(f[0]), f[1] == null ? "" : f[1], f[2] == null ? "" : f[2], f[3] == null ? "" : f[3]));
        }
        Path file = fileOf(label);
        String text;
        try (InputStream in = Files.newInputStream(file)) {
            text = PlanDocumentReader.read(file.getFileName().toString(), in);
        }
        List<Item> found = new ArrayList<>();
        for (ParsedItem it : new PlanTextParser().parse(text).items()) {
            found.add(new Item(normalise(it.content()), join(it.months()), join(it.weeks()), it.owner()));
        }
        List<Item> unmatched = new ArrayList<>(found);
        int right = 0;
        for (Item e : expected) {
            if (unmatched.remove(e)) {
                right++;
            } else {
                System.out.printf("  [%s] missing or wrong: %s%n", name, e);
            }
        }
        unmatched.forEach(u -> System.out.printf("  [%s] extra or wrong: %s%n", name, u));
        return new Score(1, right, found.size(), expected.size());
    }

    private static String join(List<Integer> numbers) {
        return numbers == null ? "" : String.join(",", numbers.stream().map(String::valueOf).toList());
    }

    private static String normalise(String s) {
        return s.replaceAll("[\\s\\u3000]+", " ").strip();
    }
}
