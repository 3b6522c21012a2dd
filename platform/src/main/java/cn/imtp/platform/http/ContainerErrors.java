package cn.imtp.platform.http;

import cn.imtp.platform.problem.Problem;
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
 * header (400 with an empty body) or TRACE (405): those stay the container's.
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
        String[] words = switch (status) {
            case 404 -> new String[] {"not-found", "Not Found", "There is nothing at this address; check the path. 该地址不存在，请检查路径。"};
            case 405 -> new String[] {"method-not-allowed", "Method Not Allowed", "This address does not accept that HTTP method. 该地址不接受此请求方法。"};
            case 400 -> new String[] {"bad-request", "Bad Request", "The request could not be read. 无法读取该请求。"};
            default -> status >= 500
                    ? new String[] {"internal-error", "Internal error", "An unexpected error occurred; nothing was changed. 发生意外错误，未作任何更改。"}
                    : new String[] {"http-" + status, "Error " + status, "The request was refused (" + status + "). 请求被拒绝。"};
        };
        String body = Json.createObjectBuilder().add("type", Problem.TYPE_BASE + words[0]).add("title", words[1]).add("status", status)
                .add("detail", words[2]).add("instance", instance).add("errors", Json.createArrayBuilder()).build().toString();
        response.setStatus(status);
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(body);
    }
}
