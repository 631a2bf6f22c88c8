package cn.huangpu.assessment.campaign;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A specialist evaluator the catalogue names that does not take part in a campaign, and the indicators whose inputs
 * the office therefore enters in comprehensive evaluation (综合评估).
 */
public record HandedOver(String evaluatorCode, String evaluatorName, List<Item> indicators) {

    public HandedOver {
        indicators = List.copyOf(indicators);
    }

    /** One indicator the office takes over. */
    public record Item(String code, String name) {
    }

    /** "区委网信办、区政府新闻办：3.7 回应机制建设及回应情况、4.9 传统媒体、4.10 政务新媒体". */
    public String describe() {
        return evaluatorName + "：" + indicators.stream().map(i -> i.code() + " " + i.name()).collect(Collectors.joining("、"));
    }

    /** The sentence that tells the coordinator what the office will enter, or null when nothing is handed over. */
    public static String notice(List<HandedOver> handedOver) {
        if (handedOver.isEmpty()) {
            return null;
        }
        return "以下专项评估单位未参加本次考评，其指标由区政府办公室在综合评估中录入："
                + handedOver.stream().map(HandedOver::describe).collect(Collectors.joining("；")) + "。";
    }
}
