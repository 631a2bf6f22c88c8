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
        if (attributes.get("status") instanceof Integer status) {
            // "error" is the status's English reason phrase ("Not Found"); clients that ask for JSON read it too
            attributes.put("error", reason(status));
        }
        Object message = attributes.get("message");
        if (message != null && attributes.get("status") instanceof Integer status && status >= 400 && status < 500
                && !CHINESE.matcher(message.toString()).find()) {
            attributes.put("message", describe(status, attributes.get("path")));
        }
        return attributes;
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "请求有误";
            case 401 -> "未登录";
            case 403 -> "无权访问";
            case 404 -> "未找到";
            case 405 -> "不支持的请求方式";
            case 409 -> "数据冲突";
            case 413 -> "内容过大";
            case 415 -> "不支持的内容类型";
            case 429 -> "请求过于频繁";
            default -> status >= 500 ? "系统出错" : "请求未能完成";
        };
    }

    private static String describe(int status, Object path) {
        return switch (status) {
            case 404 -> "没有这个地址：" + path;
            case 405 -> "该地址不支持这种请求方式";
            case 409 -> "他人已修改，请刷新后再保存";
            case 415 -> "不支持该内容类型";
            case 400 -> "请求有误，请检查后重试";
            default -> "请求未能完成";
        };
    }
}
