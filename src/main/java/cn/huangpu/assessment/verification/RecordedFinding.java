package cn.huangpu.assessment.verification;

import java.time.Instant;
import java.util.List;

/**
 * One problem the office found for a unit's indicator, as recorded. It stands for {@code count} items of its kind
 * (at least 1; the scored count of its input adds these up): the items listed in the note one a line, or stated
 * in a one-line note with their number. {@code inputName} is null only for a rejected "not involved" claim.
 */
public record RecordedFinding(Long id, String unitCode, String indicatorCode, String inputName, FindingKind kind,
                              String note, int count, String url, String recordedBy, Instant recordedAt) {

    /** The note's lines that say something, each one item when the note lists several. */
    public List<String> items() {
        return lines(note);
    }

    /** Whether the note lists its items one a line (more than one line), which the pages show as a list. */
    public boolean isList() {
        return items().size() > 1;
    }

    /** The kind with the count when there is more than one item: 应公开未公开（共3项）. */
    public String heading() {
        return kind.label() + (count > 1 ? "（共" + count + "项）" : "");
    }

    static List<String> lines(String text) {
        return text == null ? List.of() : text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    /** The finding as the audit trail and the report state it. */
    @Override
    public String toString() {
        return heading() + "：" + (isList() ? String.join("；", items()) : note) + (url == null ? "" : "（" + url + "）");
    }
}
