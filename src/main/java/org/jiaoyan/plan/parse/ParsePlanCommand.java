package org.jiaoyan.plan.parse;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.InvalidPathException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code java -jar jiaoyan.jar parse-plan FILE}: prints what the plan parser finds in a .txt or .docx plan as JSON
 * (UTF-8, whatever the locale), without starting Spring. Exit 0, or 2 with a Chinese message when the file is missing,
 * unreadable or of another kind.
 */
public final class ParsePlanCommand {

    static final String COMMAND = "parse-plan";
    static final String USAGE = "用法：java -jar jiaoyan.jar parse-plan [--names 名单文件] 文件"
            + "（.docx、.doc、.wps、.xlsx、.xls、.pdf、.txt；名单文件每行一个人名或部门名，用来拆开连在一起的负责人）";
    static final String NAMES = "--names";

    private ParsePlanCommand() {
    }

    /** Whether the first argument that is not an option is "parse-plan". */
    public static boolean requested(String[] args) {
        String command = firstWord(args, 0);
        return COMMAND.equals(command);
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        int at = indexOfCommand(args);
        String file = at < 0 ? null : firstWord(args, at + 1);
        if (file == null) {
            print(err, USAGE + "\n");
            return 2;
        }
        Path path;
        try {
            path = Path.of(file);
        } catch (InvalidPathException e) {
            print(err, "找不到文件：" + file + "\n");
            return 2;
        }
        if (!Files.isRegularFile(path)) {
            print(err, "找不到文件：" + file + "\n");
            return 2;
        }
        String text;
        try (InputStream in = Files.newInputStream(path)) {
            text = PlanDocumentReader.read(path.getFileName().toString(), in);
        } catch (IllegalArgumentException e) {
            print(err, e.getMessage() + "：" + file + "\n");
            return 2;
        } catch (IOException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            print(err, "无法读取文件：" + file + "（" + reason + "）\n");
            return 2;
        }
        List<String> names = List.of();
        String namesFile = optionValue(args, NAMES);
        if (namesFile != null) {
            try {
                names = PlanDocumentReader.decode(Files.readAllBytes(Path.of(namesFile))).lines().map(String::strip)
                        .filter(l -> !l.isEmpty()).toList();
            } catch (IOException | InvalidPathException e) {
                print(err, "无法读取名单文件：" + namesFile + "\n");
                return 2;
            }
        }
        ParsedPlan plan = new PlanTextParser(names).parse(text);
        byte[] json = toJson(plan);
        out.write(json, 0, json.length);
        out.flush();
        return 0;
    }

    /** JSON with the fields in the documented order; months and weeks are integer arrays or null. */
    static byte[] toJson(ParsedPlan plan) {
        JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        ObjectNode root = mapper.createObjectNode();
        root.put("title", plan.title());
        ArrayNode sections = root.putArray("sections");
        for (ParsedSection s : plan.sections()) {
            sections.addObject().put("title", s.title()).put("text", s.text());
        }
        ArrayNode items = root.putArray("items");
        for (ParsedItem item : plan.items()) {
            ObjectNode node = items.addObject();
            node.put("category", item.category());
            node.put("content", item.content());
            putNumbers(node, "months", item.months());
            putNumbers(node, "weeks", item.weeks());
            node.put("repeat", item.repeat());
            node.put("timeText", item.timeText());
            node.put("owner", item.owner());
            node.put("line", item.line());
            node.put("confidence", item.confidence().name().toLowerCase(java.util.Locale.ROOT));
            ArrayNode doubts = node.putArray("doubts");
            item.doubts().forEach(d -> doubts.add(d.name()));
        }
        ArrayNode unrecognised = root.putArray("unrecognised");
        for (UnrecognisedLine u : plan.unrecognised()) {
            unrecognised.addObject().put("line", u.line()).put("text", u.text());
        }
        byte[] json = mapper.writeValueAsBytes(root);
        byte[] withNewline = java.util.Arrays.copyOf(json, json.length + 1);
        withNewline[json.length] = '\n';
        return withNewline;
    }

    private static void putNumbers(ObjectNode node, String field, @Nullable List<Integer> numbers) {
        if (numbers == null) {
            node.putNull(field);
            return;
        }
        ArrayNode array = node.putArray(field);
        numbers.forEach(array::add);
    }

    /** Written as UTF-8 bytes, so Chinese survives a POSIX locale (PrintStream.write(byte[]) does not re-encode). */
    private static void print(PrintStream stream, String message) {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        stream.write(bytes, 0, bytes.length);
        stream.flush();
    }

    private static int indexOfCommand(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (COMMAND.equals(args[i])) {
                return i;
            }
        }
        return -1;
    }

    private static @Nullable String firstWord(String[] args, int from) {
        for (int i = from; i < args.length; i++) {
            if (NAMES.equals(args[i])) {
                i++; // its value is no file
                continue;
            }
            if (!args[i].startsWith("-")) {
                return args[i];
            }
        }
        return null;
    }

    private static @Nullable String optionValue(String[] args, String option) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (option.equals(args[i])) {
                return args[i + 1];
            }
        }
        return null;
    }
}
