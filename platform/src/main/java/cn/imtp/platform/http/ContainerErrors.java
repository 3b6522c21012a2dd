package cn.imtp.platform.http;

import cn.imtp.platform.problem.Problem;
import cn.imtp.platform.problem.Problems;
import cn.imtp.platform.text.Language;
import jakarta.json.Json;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The errors the servlet container answers itself, before any resource runs (an address no page or endpoint
 * has, a method a servlet does not take), as problem documents like every other error (web-fragment.xml maps
 * them here). The container refuses some requests before the application sees them, for example an over-long
 * header (400 with an empty body) or TRACE (405): those stay the container's. Details are in the reader's language
 * ({@code Accept-Language}; Chinese by default).
 */
@WebServlet(urlPatterns = ContainerErrors.PATH)
public class ContainerErrors extends HttpServlet {

    static final String PATH = "/container-error";

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : HttpServletResponse.SC_NOT_FOUND;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String instance = uri == null ? request.getRequestURI() : uri.toString();
        Language language = Language.preferred(request.getHeader("Accept-Language"));
        String[] words = switch (status) {
            case 404 -> new String[] {"not-found", "Not Found", Problems.notFound(language)};
            case 405 ->
                new String[] {
                    "method-not-allowed",
                    "Method Not Allowed",
                    language.pick("该地址不接受此请求方法。", "This address does not accept that HTTP method.")
                };
            case 400 ->
                new String[] {"bad-request", "Bad Request", language.pick("无法读取该请求。", "The request could not be read.")
                };
            default ->
                status >= 500
                        ? new String[] {
                            "internal-error",
                            "Internal error",
                            language.pick("发生意外错误，没有做任何更改。", "An unexpected error occurred; nothing was changed.")
                        }
                        : new String[] {
                            "http-" + status,
                            "Error " + status,
                            language.pick("请求被拒绝（" + status + "）。", "The request was refused (" + status + ").")
                        };
        };
        String body = Json.createObjectBuilder()
                .add("type", Problem.TYPE_BASE + words[0])
                .add("title", Problems.title(words[1], language))
                .add("status", status)
                .add("detail", words[2])
                .add("instance", instance)
                .add("errors", Json.createArrayBuilder())
                .build()
                .toString();
        response.setStatus(status);
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Content-Language", language == Language.ZH ? "zh-CN" : "en");
        response.setHeader("Vary", "Accept-Language");
        response.getWriter().write(body);
    }
}
