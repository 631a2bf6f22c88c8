package cn.huangpu.assessment.register.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface RegisterRowRepository extends JpaRepository<RegisterRow, Long> {

    List<RegisterRow> findByCampaignIdAndUnitCodeAndRegisterOrderByPositionAscIdAsc(Long campaignId, String unitCode,
                                                                                   String register);

    List<RegisterRow> findByCampaignIdAndRegisterOrderByUnitCodeAscPositionAscIdAsc(Long campaignId, String register);
}
