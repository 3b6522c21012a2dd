package cn.imtp.platform.problem;

import jakarta.validation.ValidationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Bean-validation failures go to {@link ProblemMapper} too. This class exists only because JAX-RS
 * picks the most specific mapper, and Jersey ships its own for ValidationException that answers
 * without a body.
 */
@Provider
public class ValidationProblemMapper implements ExceptionMapper<ValidationException> {

    @Context
    UriInfo uriInfo;

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(ValidationException thrown) {
        ProblemMapper delegate = new ProblemMapper();
        delegate.uriInfo = uriInfo;
        delegate.headers = headers;
        return delegate.toResponse(thrown);
    }
}
