package cn.huangpu.assessment.selfcheck;

import java.time.Instant;

/** An evidence file without its content. */
public record EvidenceFileInfo(Long id, String indicatorCode, String fileName, long sizeBytes, String uploadedBy,
                               Instant uploadedAt) {
}
