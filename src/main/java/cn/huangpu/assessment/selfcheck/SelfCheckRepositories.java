package cn.huangpu.assessment.selfcheck;

import cn.huangpu.assessment.selfcheck.internal.EvidenceFile;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface EvidenceFileRepository extends JpaRepository<EvidenceFile, Long> {

    /** File metadata only: the content is not loaded. */
    @Query("select new cn.huangpu.assessment.selfcheck.EvidenceFileInfo(f.id, f.indicatorCode, f.fileName, f.sizeBytes,"
            + " f.uploadedBy, f.uploadedAt) from EvidenceFile f where f.campaignId = ?1 and f.unitCode = ?2 order by f.id")
    List<EvidenceFileInfo> findInfo(Long campaignId, String unitCode);
}
