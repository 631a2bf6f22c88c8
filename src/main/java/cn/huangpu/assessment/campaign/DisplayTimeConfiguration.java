package cn.huangpu.assessment.campaign;

import cn.huangpu.assessment.campaign.internal.CampaignSettings;
import cn.huangpu.assessment.web.DisplayTime;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The shared date wording in the campaign's time zone, the one setting of it that every module needs. */
@Configuration(proxyBeanMethods = false)
class DisplayTimeConfiguration {

    @Bean
    DisplayTime displayTime(CampaignSettings settings) {
        return new DisplayTime(settings.zone());
    }
}
