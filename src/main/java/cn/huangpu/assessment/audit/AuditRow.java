package cn.huangpu.assessment.audit;

import java.util.Arrays;
import java.util.List;

/** One entry as people read it, in Chinese: the same words on the page and in the export. */
record AuditRow(String at, String actor, String unit, String indicator, String object, String action, String before,
                String after, String reason) {

    /** The column headers, in the order of {@link #cells()}. */
    static final List<String> HEADERS = List.of("时间", "操作人", "单位", "指标", "对象", "动作", "变动前", "变动后", "理由");

    /** The values in header order; absent ones are empty. */
    public List<String> cells() {
        return Arrays.stream(new String[] {at, actor, unit, indicator, object, action, before, after, reason})
                .map(cell -> cell == null ? "" : cell).toList();
    }
}
