package org.jiaoyan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every UI text lives in the message bundles: Chinese (base file) and English have the same keys, English values are
 * English, every #{key} a template uses exists, and templates carry no hard-coded Chinese outside th:text placeholders.
 */
class MessageBundleTests {

    private static final Path MESSAGES = Path.of("src/main/resources/messages");
    private static final Path TEMPLATES = Path.of("src/main/resources/templates");

    /** Han characters and CJK punctuation (，、：“”（）) or full-width forms. */
    private static final Pattern CJK = Pattern.compile(
            "[\\p{IsHan}\\p{InCJK_Symbols_and_Punctuation}\\p{InHalfwidth_and_Fullwidth_Forms}]");

    /** English values that must quote Chinese: what the user types or reads elsewhere in Chinese. */
    private static final Map<String, String> CHINESE_ON_PURPOSE = Map.of(
            "dict.intro", "a roster's spelling and the title it is read as (小学高级 → 一级教师)",
            "dict.aliases", "the separator typed between aliases (、)",
            "notify.channels.dingtalk.hint", "DingTalk's own label of the setting (加签)",
            "plan.item.time.hint", "the Chinese time expressions the item parser reads (9月, 第3周 …)",
            "plan.item.owner.hint", "the Chinese owner words the item parser reads (全体, 各教研组长)",
            "plan.time.invalid", "the Chinese time expressions the item parser reads",
            "roster.gender.invalid", "the values a roster's gender column holds (男, 女)");

    @Test
    void chineseAndEnglishBundlesHaveTheSameKeys() throws IOException {
        try (Stream<Path> files = Files.list(MESSAGES)) {
            for (Path base : files.filter(p -> !p.getFileName().toString().contains("_")).toList()) {
                Path en = MESSAGES.resolve(base.getFileName().toString().replace(".properties", "_en.properties"));
                assertThat(en).as("English bundle for " + base).exists();
                assertThat(load(en).stringPropertyNames()).as("keys of " + en)
                        .containsExactlyInAnyOrderElementsOf(load(base).stringPropertyNames());
            }
        }
    }

    @Test
    void everyChineseKeyHasAnEnglishValueWithoutChinese() throws IOException {
        List<String> problems = new ArrayList<>();
        Set<String> quoting = new TreeSet<>();
        try (Stream<Path> files = Files.list(MESSAGES)) {
            for (Path base : files.filter(p -> !p.getFileName().toString().contains("_")).sorted().toList()) {
                Path enPath = MESSAGES.resolve(base.getFileName().toString().replace(".properties", "_en.properties"));
                Properties en = Files.exists(enPath) ? load(enPath) : new Properties();
                for (String key : new TreeSet<>(load(base).stringPropertyNames())) {
                    String value = en.getProperty(key);
                    if (value == null) {
                        problems.add(enPath.getFileName() + ": missing " + key);
                    } else if (CJK.matcher(value).find()) {
                        if (CHINESE_ON_PURPOSE.containsKey(key)) {
                            quoting.add(key);
                        } else {
                            problems.add(enPath.getFileName() + ": Chinese in " + key + "=" + value);
                        }
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
        // an entry whose value no longer quotes Chinese leaves the list
        assertThat(quoting).as("keys allowed to quote Chinese").isEqualTo(new TreeSet<>(CHINESE_ON_PURPOSE.keySet()));
    }

    @Test
    void everyMessageKeyUsedInTemplatesExists() throws IOException {
        Set<String> keys = allKeys();
        Pattern literalKey = Pattern.compile("#\\{([a-zA-Z][\\w.]*)[}(]");
        List<String> missing = new ArrayList<>();
        for (Path template : templates()) {
            Matcher m = literalKey.matcher(Files.readString(template));
            while (m.find()) {
                if (!keys.contains(m.group(1))) {
                    missing.add(TEMPLATES.relativize(template) + ": " + m.group(1));
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    /** Chinese characters may appear in templates only as natural-template placeholders replaced by th:text. */
    @Test
    void templatesHaveNoHardCodedChineseText() throws IOException {
        Pattern textNode = Pattern.compile(">([^<>]*\\p{IsHan}[^<>]*)<");
        List<String> offenders = new ArrayList<>();
        for (Path template : templates()) {
            String html = Files.readString(template).replaceAll("(?s)<!--.*?-->", "");
            Matcher m = textNode.matcher(html);
            while (m.find()) {
                String before = html.substring(Math.max(0, html.lastIndexOf('<', m.start())), m.start() + 1);
                if (!before.contains("th:text") && !before.contains("th:utext") && !before.contains("th:replace")
                        && !before.contains("sec:authentication") && !before.contains("th:errors")) {
                    offenders.add(TEMPLATES.relativize(template) + ": " + m.group(1).trim());
                }
            }
        }
        assertThat(offenders).isEmpty();
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(p -> p.toString().endsWith(".html")).toList();
        }
    }

    private static Set<String> allKeys() throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.list(MESSAGES)) {
            for (Path p : files.filter(p -> !p.getFileName().toString().contains("_")).toList()) {
                keys.addAll(load(p).stringPropertyNames());
            }
        }
        return keys;
    }

    private static Properties load(Path p) throws IOException {
        Properties props = new Properties();
        try (var in = new InputStreamReader(Files.newInputStream(p), StandardCharsets.UTF_8)) {
            props.load(in);
        }
        return props;
    }
}
