package cn.imtp.lms.application;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Every page is the same small HTML shell plus one ES module under {@code /app/}: {@code /learner/unit}
 * runs {@code /app/learner/unit.js}, {@code /learner/} runs {@code /app/learner/home.js}, {@code /} the
 * sign-in. The modules speak to the JSON API; there is no server-side rendering and no build step.
 */
@WebServlet(urlPatterns = {"", "/learner/*", "/teacher/*", "/admin/*", "/verify/*"})
public class PageShell extends HttpServlet {

    private static final Pattern PAGE = Pattern.compile("[a-z][a-z-]{0,40}");

    private String shell;

    @Override
    public void init() throws ServletException {
        try (InputStream in = getServletContext().getResourceAsStream("/WEB-INF/shell.html")) {
            shell = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new ServletException("WEB-INF/shell.html is missing from the WAR", e);
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String area = request.getServletPath();
        String info = request.getPathInfo();
        if (!area.isEmpty() && info == null) {
            response.sendRedirect(area + "/");
            return;
        }
        String page = info == null || info.equals("/") ? (area.isEmpty() ? "signin" : "home") : info.substring(1);
        String module = "/app" + area + "/" + page + ".js";
        if (!PAGE.matcher(page).matches() || !exists(module)) {
            response.setStatus(404);
            response.setContentType("text/html; charset=UTF-8");
            response.getWriter()
                    .write(
                            "<!doctype html><meta charset=\"utf-8\"><title>404</title><p>页面不存在。Page not found. <a href=\"/\">首页 Home</a>");
            return;
        }
        response.setContentType("text/html; charset=UTF-8");
        // X-Content-Type-Options, Referrer-Policy and the Content-Security-Policy: SecurityHeaders, for every answer.
        response.setHeader("Cache-Control", "no-cache");
        response.getWriter().write(shell.replace("{{module}}", module));
    }

    private boolean exists(String path) {
        try {
            return getServletContext().getResource(path) != null;
        } catch (MalformedURLException e) {
            return false;
        }
    }
}
