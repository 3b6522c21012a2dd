package cn.imtp.platform.problem;

import cn.imtp.platform.text.Language;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The one exception mapper: every error leaves as a problem document, never as a stack trace. */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

    @Context
    UriInfo uriInfo;

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(Throwable thrown) {
        String incident = Problems.newIncident();
        String instance = uriInfo == null ? null : uriInfo.getRequestUri().getPath();
        // Details for people in the reader's language (the pages send the one chosen in their header; Chinese by
        // default).
        Language language =
                Language.preferred(headers == null ? null : headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        Problem problem = Problems.of(thrown, instance, incident, language);
        boolean busy = problem.type().equals(Problem.TYPE_BASE + Problems.BUSY);
        Response.ResponseBuilder response =
                Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
        if (busy) {
            LOG.log(Level.WARNING, () -> "Lock conflict on " + instance + " (the client is asked to retry): " + thrown);
            response.header("Retry-After", 1);
        } else if (problem.type().equals(Problem.TYPE_BASE + "unavailable")
                && !(Problems.unwrap(thrown) instanceof PlatformException)) {
            // One line per refused request while the database is away, not a stack trace each.
            LOG.log(Level.WARNING, () -> "Database unreachable on " + instance + ": " + thrown);
            response.header("Retry-After", 5);
        } else if (problem.status() >= 500) {
            LOG.log(Level.SEVERE, "Incident " + incident + " on " + instance, thrown);
        }
        if (Problems.unwrap(thrown) instanceof PlatformException p && p.retryAfterSeconds() > 0) {
            response.header("Retry-After", p.retryAfterSeconds());
        }
        response.header("Content-Language", language == Language.ZH ? "zh-CN" : "en")
                .header("Vary", "Accept-Language");
        if (problem.status() == 401) {
            response.header("WWW-Authenticate", "Bearer");
        }
        return response.build();
    }
}
