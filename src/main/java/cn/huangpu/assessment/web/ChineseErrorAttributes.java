package cn.huangpu.assessment.web;

import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;

/**
 * The error page and error bodies show the reason of a 4xx. The application's own reasons are Chinese;
 * the framework's (an unknown address, an unsupported method) are English sentences meant for developers,
 * so those are replaced by a Chinese description of the status.
 */
@Component
class ChineseErrorAttributes extends DefaultErrorAttributes {

    private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(request, options);
        Object message = attributes.get("message");
        if (message != null && attributes.get("status") instanceof Integer status && status >= 400 && status < 500
                && !CHINESE.matcher(message.toString()).find()) {
            attributes.put("message", describe(status, attributes.get("path")));
        }
        return attributes;
    }

    private static String describe(int status, Object path) {
        return switch (status) {
            case 404 -> "没有这个地址：" + path + "。请从工作台进入。";
            case 405 -> "该地址不支持这种请求方式";
            case 409 -> "他人已修改，请刷新后再保存";
            case 415 -> "不支持该内容类型";
            case 400 -> "请求有误，请检查后重试";
            default -> "请求未能完成";
        };
    }
}
