package cn.imtp.platform.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The headers every answer of both applications carries, pages, scripts, API and media alike: no MIME sniffing,
 * no framing by another site, no referrer beyond the origin, and a Content-Security-Policy. Pages run only the
 * platform's own scripts (the sign-in token lives in localStorage, so an injected script must never run); they
 * load media, posters and uploads from the object store, whose address the pages do not know, so those sources
 * admit any http(s) origin. API answers are data: nothing in them may run or be framed.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SecurityHeaders extends HttpFilter {

    static final String PAGE_POLICY =
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob: http: https:;"
                    + " media-src 'self' blob: http: https:; connect-src 'self' http: https:; worker-src 'self' blob:; font-src 'self' data:;"
                    + " object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    static final String DATA_POLICY = "default-src 'none'; frame-ancestors 'none'; sandbox";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Content-Security-Policy", path.startsWith("/api/") ? DATA_POLICY : PAGE_POLICY);
        chain.doFilter(request, response);
    }
}
