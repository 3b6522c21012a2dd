package cn.imtp.platform.http;

import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.PathItem;

/**
 * Payara serves one OpenAPI document ({@code /openapi}) for both WARs: each WAR's paths are relative to its own
 * context root, and the document's top-level servers list both roots, so a reader could not tell under which root a
 * path is called. Each WAR names its root ({@code lms.openapi.context-root}: {@code /} for lms-web, {@code /media}
 * for media-service) and this filter (each WAR's {@code mp.openapi.filter}) gives every path item that root as its
 * own server, a URL relative to the document's address, which OpenAPI lets override the top-level list: every path
 * is then called as listed.
 */
public class OpenApiServers implements OASFilter {

    /** Read through this class's own loader, the WAR's (Payara may build both documents on one thread). */
    private final String root = ConfigProvider.getConfig(OpenApiServers.class.getClassLoader())
            .getOptionalValue("lms.openapi.context-root", String.class)
            .orElse("/");

    @Override
    public PathItem filterPathItem(PathItem pathItem) {
        pathItem.setServers(List.of(OASFactory.createServer().url(root)));
        return pathItem;
    }
}
