package dev.hindsight.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.bench.CorpusGenerator.GeneratedCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusGeneratorTest {

    private static final Pattern ID = Pattern.compile("INC-(\\d{4})-\\d{2}-\\d{2}-\\d{3}");
    private static final Pattern FRONT_MATTER_ID = Pattern.compile("(?m)^id: (\\S+)$");
    private static final Pattern SEED_ID = Pattern.compile("(?m)^- \\*\\*(?:故障ID|Incident ID)\\*\\*: (\\S+)$");

    @TempDir
    Path tmp;

    @Test
    void sameCountAndSeedWriteByteIdenticalTrees() throws IOException {
        Path first = tmp.resolve("first");
        Path second = tmp.resolve("second");

        GeneratedCorpus a = CorpusGenerator.generate(50, 42, first);
        GeneratedCorpus b = CorpusGenerator.generate(50, 42, second);

        assertThat(b).isEqualTo(a);
        List<Path> names = relativeReports(first);
        assertThat(relativeReports(second)).isEqualTo(names);
        for (Path name : names) {
            assertThat(Files.readAllBytes(second.resolve(name)))
                    .as(name.toString())
                    .isEqualTo(Files.readAllBytes(first.resolve(name)));
        }
    }

    @Test
    void differentSeedsWriteDifferentCorpora() throws IOException {
        CorpusGenerator.generate(20, 1, tmp.resolve("one"));
        CorpusGenerator.generate(20, 2, tmp.resolve("two"));

        assertThat(relativeReports(tmp.resolve("two"))).isNotEqualTo(relativeReports(tmp.resolve("one")));
    }

    @Test
    void resultCountsTheFilesAndBytesWritten() throws IOException {
        GeneratedCorpus corpus = CorpusGenerator.generate(50, 7, tmp);

        List<Path> reports = reports(tmp);
        long bytes = 0;
        for (Path report : reports) {
            bytes += Files.size(report);
        }
        assertThat(reports).hasSize(50);
        assertThat(corpus.files()).isEqualTo(50);
        assertThat(corpus.bytes()).isEqualTo(bytes);
    }

    @Test
    void idsAreUniqueAndNameTheirFilesAndYearFolders() throws IOException {
        CorpusGenerator.generate(200, 42, tmp);

        Set<String> ids = new HashSet<>();
        for (Path report : reports(tmp)) {
            String id = idOf(Files.readString(report));
            Matcher matcher = ID.matcher(id);
            assertThat(matcher.matches()).as(id).isTrue();
            assertThat(report.getFileName().toString()).isEqualTo(id + ".md");
            assertThat(report.getParent().getFileName().toString()).isEqualTo(matcher.group(1));
            assertThat(ids.add(id)).as("duplicate id " + id).isTrue();
        }
        assertThat(ids).hasSize(200);
    }

    @Test
    void bothStylesAndBothLanguagesAppear() throws IOException {
        CorpusGenerator.generate(50, 42, tmp);

        int frontMatterChinese = 0;
        int frontMatterEnglish = 0;
        int seedChinese = 0;
        int seedEnglish = 0;
        for (Path report : reports(tmp)) {
            String text = Files.readString(report);
            boolean chinese = text.contains("\n## 执行摘要\n");
            if (text.startsWith("---\n")) {
                if (chinese) {
                    frontMatterChinese++;
                } else {
                    frontMatterEnglish++;
                }
            } else if (chinese) {
                assertThat(text).contains("\n## 基本信息\n");
                seedChinese++;
            } else {
                assertThat(text).contains("\n## Basic information\n");
                seedEnglish++;
            }
        }
        assertThat(List.of(frontMatterChinese, frontMatterEnglish, seedChinese, seedEnglish))
                .allSatisfy(count -> assertThat(count).isPositive());
    }

    @Test
    void sizesRangeFromShortReportsToALongTail() throws IOException {
        GeneratedCorpus corpus = CorpusGenerator.generate(200, 42, tmp);

        List<Long> sizes = new ArrayList<>();
        for (Path report : reports(tmp)) {
            sizes.add(Files.size(report));
        }
        assertThat(sizes).anySatisfy(size -> assertThat(size).isLessThan(3 * 1024L));
        assertThat(sizes).anySatisfy(size -> assertThat(size).isGreaterThan(8 * 1024L));
        assertThat(corpus.bytes() / 200).isBetween(4 * 1024L, 8 * 1024L);
    }

    @Test
    void frontMatterBlocksOpenAtTheTopAndClose() throws IOException {
        CorpusGenerator.generate(100, 42, tmp);

        int withFrontMatter = 0;
        for (Path report : reports(tmp)) {
            String text = Files.readString(report);
            if (!text.startsWith("---\n")) {
                assertThat(text).as(report.toString()).doesNotContain("\nid: ");
                continue;
            }
            withFrontMatter++;
            int close = text.indexOf("\n---\n", 3);
            assertThat(close).as(report.toString()).isPositive();
            String yaml = text.substring(4, close + 1);
            assertThat(yaml).contains("\nseverity: ", "\nstarted: ", "\nactions:\n").startsWith("id: INC-");
            assertThat(yaml).doesNotContain("\t");
            assertThat(text.substring(close + 5)).contains("\n## ");
        }
        assertThat(withFrontMatter).isPositive();
    }

    @Test
    void frontMatterTimesAreInOrder() throws IOException {
        CorpusGenerator.generate(100, 42, tmp);

        for (Path report : reports(tmp)) {
            String text = Files.readString(report);
            if (text.startsWith("---\n")) {
                // All four share one offset (or none), so the local date-times compare as text.
                List<String> times = new ArrayList<>();
                for (String key : List.of("started", "detected", "mitigated", "resolved")) {
                    Matcher value = Pattern.compile("(?m)^" + key + ": (\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d)").matcher(text);
                    assertThat(value.find()).as(report + " " + key).isTrue();
                    times.add(value.group(1));
                }
                assertThat(times).as(report.toString()).isSorted();
            }
        }
    }

    private static String idOf(String report) {
        Matcher matcher = (report.startsWith("---\n") ? FRONT_MATTER_ID : SEED_ID).matcher(report);
        assertThat(matcher.find()).as("id in report").isTrue();
        return matcher.group(1);
    }

    private static List<Path> reports(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".md")).sorted().toList();
        }
    }

    private static List<Path> relativeReports(Path root) throws IOException {
        return reports(root).stream().map(root::relativize).toList();
    }
}
