package cn.huangpu.assessment.campaign;

import java.time.MonthDay;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/** Lets settings give month-days as "--11-20" (ISO) or "11-20". */
@Component
@ConfigurationPropertiesBinding
class MonthDayConverter implements Converter<String, MonthDay> {

    @Override
    public MonthDay convert(String source) {
        String text = source.strip();
        return MonthDay.parse(text.startsWith("--") ? text : "--" + text);
    }
}
