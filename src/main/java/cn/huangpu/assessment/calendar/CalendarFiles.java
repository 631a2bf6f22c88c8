package cn.huangpu.assessment.calendar;

import cn.huangpu.assessment.calendar.CalendarYear.Origin;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * Finds the calendar files: those shipped in {@code classpath:calendar/}, then those of the administrator's
 * directory ({@link CalendarSettings#directory()}), where a year's file replaces the shipped one of that year.
 */
final class CalendarFiles {

    static final String BUILT_IN = "classpath:calendar/";
    private static final Pattern NAME = Pattern.compile("(\\d{4})\\.yaml");

    private CalendarFiles() {
    }

    /**
     * Every year's calendar, read and checked.
     *
     * @throws CalendarFileException for a file that cannot be used, or a configured directory that does not exist
     */
    static List<CalendarYear> load(CalendarSettings settings, ResourcePatternResolver resolver) {
        Map<Integer, CalendarYear> years = new TreeMap<>();
        try {
            for (Resource resource : resolver.getResources(BUILT_IN + "*.yaml")) {
                try (InputStream in = resource.getInputStream()) {
                    CalendarYear year = read(resource.getFilename(), in.readAllBytes(), Origin.BUILT_IN);
                    years.put(year.year(), year);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the calendar files of " + BUILT_IN, e);
        }
        if (!settings.directory().isEmpty()) {
            for (CalendarYear year : directory(Path.of(settings.directory()))) {
                years.put(year.year(), year);
            }
        }
        return new ArrayList<>(years.values());
    }

    private static List<CalendarYear> directory(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new CalendarFileException("节假日安排目录 " + directory
                    + " 不存在或不是目录（设置 assessment.calendar.directory）");
        }
        List<CalendarYear> years = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList()) {
                years.add(read(file.getFileName().toString(), Files.readAllBytes(file), Origin.DIRECTORY));
            }
        } catch (IOException e) {
            throw new CalendarFileException("节假日安排目录 " + directory + " 无法读取：" + e.getMessage(), e);
        }
        return years;
    }

    private static CalendarYear read(String name, byte[] bytes, Origin origin) {
        Matcher matcher = NAME.matcher(name == null ? "" : name);
        if (!matcher.matches()) {
            throw new CalendarFileException("日历文件 " + name + "：文件名须为年份，如 2027.yaml");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new CalendarFileException("日历文件 " + name + "：须为 UTF-8 编码", e);
        }
        return CalendarReader.read(text, name, Integer.parseInt(matcher.group(1)), origin);
    }
}
