package cn.huangpu.assessment.audit;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * What the trail of one campaign is read with. The campaign module answers it (see {@link AuditScopes}): it
 * records into the trail, so the trail may not call it.
 *
 * @param catalogueYear the catalogue that names the campaign's indicators and inputs
 * @param zone          the office's time zone, in which times are shown and dates are filtered
 * @param unitCodes     the units that take part, the choices of the unit filter
 * @param statusLabels  the Chinese label of each status an entry moves something to, by {@code kind:CODE}:
 *                      {@code campaign:APPROVED}, {@code unit:SUBMITTED}, {@code evaluator:DELIVERED}, …
 */
public record AuditScope(Long campaignId, int year, int catalogueYear, ZoneId zone, List<String> unitCodes,
                         Map<String, String> statusLabels) {

    public AuditScope {
        unitCodes = List.copyOf(unitCodes);
        statusLabels = Map.copyOf(statusLabels);
    }

    /** The label of a status, e.g. {@code status("unit", "SUBMITTED")}; the code itself if there is none. */
    String status(String kind, String code) {
        return code == null ? null : statusLabels.getOrDefault(kind + ":" + code, code);
    }
}
