package cn.huangpu.assessment.register.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface VoidNumberRepository extends JpaRepository<VoidNumber, Long> {

    List<VoidNumber> findByCampaignIdAndUnitCodeAndRegisterOrderByNumberAsc(Long campaignId, String unitCode, String register);

    List<VoidNumber> findByCampaignIdAndRegister(Long campaignId, String register);
}
