package cn.huangpu.assessment.results;

import cn.huangpu.assessment.campaign.CampaignInfo;
import cn.huangpu.assessment.catalogue.Catalogue;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Evidence lines that another module gives for a campaign's inputs, which the facts carry as the register's do and
 * the sheet lists under the line pricing the input: the previous campaign's rectification record under 5.5's
 * judgement. Implemented by the module that knows them (it depends on the results, not the other way round).
 */
public interface InputEvidence {

    /**
     * @return by unit code, then by {@code indicator/input}, the lines (at most 500 characters each); units without
     *         lines may be left out
     */
    Map<String, Map<String, List<String>>> evidence(CampaignInfo campaign, Catalogue catalogue,
                                                    Collection<String> unitCodes);
}
