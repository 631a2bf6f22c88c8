package cn.huangpu.assessment.selfcheck;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * What a unit says about one indicator, as saved: the completion, the evidence links (one a line, each may add,
 * after a space, the keyword the page should show), whether the unit is not involved, who saved it last and when,
 * and the version a save names (see {@link SelfCheckService#saveDraft}).
 */
public record SelfCheckAnswer(String unitCode, String indicatorCode, String completion, String evidenceLinks,
                              boolean notInvolved, String updatedBy, Instant updatedAt, long version) {

    /** The evidence links, one per line, blanks dropped. */
    public List<String> links() {
        return lines().stream().map(line -> line.split("\\s+", 2)[0]).toList();
    }

    /** The keyword the unit gave after the link, or null. */
    public String keywordFor(String link) {
        return lines().stream().map(line -> line.split("\\s+", 2))
                .filter(parts -> parts[0].equals(link) && parts.length > 1)
                .map(parts -> parts[1].strip()).findFirst().orElse(null);
    }

    private List<String> lines() {
        return evidenceLinks == null ? List.of()
                : Arrays.stream(evidenceLinks.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
