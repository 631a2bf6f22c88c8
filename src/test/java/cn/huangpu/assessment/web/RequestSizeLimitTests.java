package cn.huangpu.assessment.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huangpu.assessment.support.PageSession;
import cn.huangpu.assessment.support.WebIntegrationTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Request bodies over their limit are refused with 413 and a Chinese reason before anything reads them or asks
 * who is calling. Raw sockets, so that a test controls exactly how much of a body it sends: a server that
 * tried to read a declared body would wait for it, and the test would time out instead of reading the answer.
 */
@WebIntegrationTest
class RequestSizeLimitTests {

    private static final int THIRTY_MEGABYTES = 30 * 1024 * 1024;
    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?i)\r\nContent-Length: *(\\d+)");

    @LocalServerPort int port;

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "/engine-rest/task                        | application/json                  | 本接口的请求体不超过1MB",
            "/camunda/api/engine/engine/default/task  | application/json                  | 本接口的请求体不超过1MB",
            "/api/campaigns                           | application/json                  | 本接口的请求体不超过1MB",
            "/app/self-check/1/waitan                 | application/x-www-form-urlencoded | 一次提交不超过4MB",
            "/app/evaluation/1/FINANCE/upload         | multipart/form-data; boundary=x   | 一次上传不超过12MB"})
    void anAnonymousThirtyMegabytePostIsRefusedWithoutReadingItsBody(String path, String contentType, String reason)
            throws IOException {
        // given a request that declares 30 MB and sends only its first bytes, without credentials
        String head = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n"
                + "Content-Type: " + contentType + "\r\nContent-Length: " + THIRTY_MEGABYTES + "\r\n\r\n";

        // when it is sent
        String answer = exchange(head, "{\"first\":".getBytes(StandardCharsets.US_ASCII));

        // then the answer comes at once (the rest of the body was never waited for): 413 with the reason, not 401
        assertThat(answer).startsWith("HTTP/1.1 413").contains(reason).contains("本次约30MB");
    }

    @Test
    void anEngineBodyWithoutLengthIsCutOffAtTheLimit() throws IOException {
        // given a signed-in engine request sent in chunks, without a Content-Length, of a little over 1 MB (an
        // anonymous one is answered 401 before anything reads its body)
        byte[] body = json(1024 * 1024 + 1);
        String basic = Base64.getEncoder().encodeToString("office01:demo".getBytes(StandardCharsets.UTF_8));

        // when it is sent
        String answer = exchange("POST /engine-rest/task HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n"
                + "Authorization: Basic " + basic + "\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n", chunked(body));

        // then reading stopped at the limit: 413 with the reason
        assertThat(answer).startsWith("HTTP/1.1 413").contains("本接口的请求体不超过1MB");
    }

    @Test
    void anApplicationApiBodyWithoutLengthIsCutOffAtTheLimit() throws IOException {
        // given the coordinator's score preview sent in chunks, a little over 1 MB
        byte[] body = json(1024 * 1024 + 1);
        String basic = Base64.getEncoder().encodeToString("office01:demo".getBytes(StandardCharsets.UTF_8));

        // when it is sent
        String answer = exchange("POST /api/scoring/preview HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n"
                + "Authorization: Basic " + basic + "\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n", chunked(body));

        // then it is refused as too large, not as malformed JSON
        assertThat(answer).startsWith("HTTP/1.1 413").contains("本接口的请求体不超过1MB").doesNotContain("不是合法的JSON");
    }

    @Test
    void aFormWithMoreFieldsThanTheServerParsesIsExplainedNotForbidden() throws Exception {
        // given a logged-in unit user and a form of 10,001 fields (Tomcat parses 10,000), its token last
        PageSession session = PageSession.login(port, "waitan01", "demo");
        String token = PageSession.csrfToken(session.get("/app").body());
        String form = IntStream.range(0, 10_001).mapToObj(i -> "f" + i + "=1").collect(Collectors.joining("&"))
                + "&_csrf=" + PageSession.encode(token);

        // when it is posted
        var answer = session.postForm("/app/self-check/1/waitan", form);

        // then the reason is given, not 403 无权访问 for a token the server dropped
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("表单字段过多").doesNotContain("无权访问");
    }

    /**
     * Sends the head and body in one write and reads one answer: its head and the body its Content-Length
     * declares. The connection is not waited on: after a refusal Tomcat may still read (and discard) a little
     * of the rest of a body before it closes.
     */
    private String exchange(String head, byte[] body) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(15_000);
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.write(head.getBytes(StandardCharsets.US_ASCII));
            request.write(body);
            OutputStream out = socket.getOutputStream();
            out.write(request.toByteArray());
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            while (!answer.toString(StandardCharsets.ISO_8859_1).contains("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                answer.write(b);
            }
            Matcher length = CONTENT_LENGTH.matcher(answer.toString(StandardCharsets.ISO_8859_1));
            if (length.find()) {
                answer.write(in.readNBytes(Integer.parseInt(length.group(1))));
            } else {
                // chunked: up to the last, empty chunk
                while (!answer.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n0\r\n\r\n")) {
                    int b = in.read();
                    if (b < 0) {
                        break;
                    }
                    answer.write(b);
                }
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    private static byte[] json(int size) {
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) ' ');
        body[0] = '{';
        return body;
    }

    private static byte[] chunked(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((Integer.toHexString(body.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(body);
        out.writeBytes("\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }
}
