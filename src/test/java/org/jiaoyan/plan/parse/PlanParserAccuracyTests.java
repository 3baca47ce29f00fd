package org.jiaoyan.plan.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The parser against hand-labelled plans under {@code plan-fixtures/}: the real seed split into its five plans, the three
 * example formats, and fixtures for the formats those lack. An item is right when its months, weeks, content (spaces
 * normalised) and owner equal the label; a missing or an extra item is wrong (right / max(expected, found)).
 */
class PlanParserAccuracyTests {

    static final List<String> FIXTURES = List.of("seed-plan-1", "seed-plan-2", "seed-plan-3", "seed-plan-4", "seed-plan-5",
            "plan-flattened-table", "plan-week-list", "plan-hospital-dept", "own-project-table-tabs",
            "own-project-table-cells", "own-week-list-chinese", "own-headings-brackets", PlanDocxFixture.NAME);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Expected(String content, List<Integer> months, List<Integer> weeks, String owner) {
    }

    record Score(int right, int total) {
    }

    @Test
    void parserFindsAtLeast95PercentOfTheLabelledItems() throws IOException {
        int right = 0;
        int total = 0;
        for (String fixture : FIXTURES) {
            Score score = score(fixture);
            System.out.printf("plan parser accuracy [%s]: %d/%d%n", fixture, score.right, score.total);
            right += score.right;
            total += score.total;
        }
        double percent = total == 0 ? 100 : 100.0 * right / total;
        System.out.printf("plan parser accuracy: %d/%d = %.1f%%%n", right, total, percent);
        assertThat(percent).isGreaterThanOrEqualTo(95.0);
    }

    @Test
    void titleOfEveryFixtureIsFound() throws IOException {
        for (String fixture : FIXTURES) {
            assertThat(parse(fixture).title()).as(fixture).isEqualTo(label(fixture).get("title").asString());
        }
    }

    static Score score(String fixture) throws IOException {
        List<Expected> expected = expectedItems(fixture);
        List<Expected> found = new ArrayList<>();
        for (ParsedItem item : parse(fixture).items()) {
            found.add(new Expected(normalise(item.content()), item.months(), item.weeks(), item.owner()));
        }
        List<Expected> unmatched = new ArrayList<>(found);
        int right = 0;
        for (Expected e : expected) {
            if (unmatched.remove(e)) {
                right++;
            } else {
                System.out.printf("  [%s] missing or wrong: %s%n", fixture, e);
            }
        }
        unmatched.forEach(u -> System.out.printf("  [%s] extra or wrong: %s%n", fixture, u));
        return new Score(right, Math.max(expected.size(), found.size()));
    }

    static ParsedPlan parse(String fixture) throws IOException {
        return new PlanTextParser().parse(text(fixture));
    }

    static String text(String fixture) throws IOException {
        if (fixture.equals(PlanDocxFixture.NAME)) {
            return PlanDocumentReader.read(fixture + ".docx", new ByteArrayInputStream(PlanDocxFixture.bytes()));
        }
        try (InputStream in = resource(fixture + ".txt")) {
            return PlanDocumentReader.read(fixture + ".txt", in);
        }
    }

    static JsonNode label(String fixture) throws IOException {
        try (InputStream in = resource(fixture + ".expected.json")) {
            return JSON.readTree(in);
        }
    }

    static List<Expected> expectedItems(String fixture) throws IOException {
        List<Expected> expected = new ArrayList<>();
        for (JsonNode item : label(fixture).get("items")) {
            expected.add(new Expected(normalise(item.get("content").asString()), numbers(item.get("months")),
                    numbers(item.get("weeks")), item.get("owner").asString()));
        }
        return expected;
    }

    private static List<Integer> numbers(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        List<Integer> numbers = new ArrayList<>();
        node.forEach(n -> numbers.add(n.asInt()));
        return numbers;
    }

    private static String normalise(String s) {
        return s.replaceAll("[\\s\\u3000]+", " ").strip();
    }

    private static InputStream resource(String name) {
        return Objects.requireNonNull(PlanParserAccuracyTests.class.getResourceAsStream("/plan-fixtures/" + name),
                () -> "missing fixture " + name);
    }
}
