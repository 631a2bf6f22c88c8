package cn.huangpu.assessment.linkcheck;

import cn.huangpu.assessment.linkcheck.FetchResult.Outcome;
import java.time.Instant;

/**
 * An evidence link's latest automatic check as a sheet cites it: what came back (null while none has), with
 * the HTTP status when there was one. The id names the check in the link-check pages' addresses.
 */
public record LinkCheckResult(Long id, String indicatorCode, String url, Outcome outcome, Integer httpStatus,
                              String detail, Instant checkedAt) {
}
