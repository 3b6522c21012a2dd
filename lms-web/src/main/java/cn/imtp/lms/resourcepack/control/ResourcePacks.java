package cn.imtp.lms.resourcepack.control;

import cn.imtp.lms.catalogue.entity.LearningUnit;
import cn.imtp.lms.cohort.control.Classes;
import cn.imtp.lms.resourcepack.entity.Resource;
import cn.imtp.lms.resourcepack.entity.ResourceCategory;
import cn.imtp.lms.resourcepack.entity.ResourceKind;
import cn.imtp.lms.resourcepack.entity.ResourceVersion;
import cn.imtp.platform.problem.FieldError;
import cn.imtp.platform.problem.PlatformException;
import cn.imtp.platform.security.Caller;
import cn.imtp.platform.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Resource packs: resources attached to learning units (information resources also to a level, a job
 * type, or nothing), their versions, and who may reach their files. lms-web decides; media-service
 * only checks the grant handed out here.
 */
@ApplicationScoped
public class ResourcePacks {

    /** What a client needs to upload one version's file to media-service. */
    public record UploadTicket(long resourceId, int version, String assetId, String grant, Instant expiresAt, String uploadUrl,
                               String statusUrl, String eventsUrl) {
    }

    /** What a client needs to play, show or download one version, for its holder only. */
    public record AccessTicket(long resourceId, int version, String assetId, String kind, String grant, Instant expiresAt,
                               String playlistUrl, String posterUrl, String fileUrl, String statusUrl, String eventsUrl) {
    }

    public record NewVersion(String fileName, Long size) {
    }

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    @Inject
    MediaTickets tickets;

    @Inject
    Classes classes;

    @Transactional
    public ResourceView create(ResourceDraft d, Caller caller) {
        List<FieldError> errors = new ArrayList<>();
        if (d == null) {
            throw PlatformException.invalid("Send the resource as JSON.", List.of(new FieldError("body", "missing")));
        }
        if (d.category() == null) {
            errors.add(new FieldError("category", "One of TEACHING, LEARNING, ASSESSMENT, INFORMATION."));
        }
        if (d.kind() == null) {
            errors.add(new FieldError("kind", "One of VIDEO, AUDIO, DOCUMENT, IMAGE, LINK."));
        }
        String title = d.title() == null ? "" : d.title().strip();
        if (title.isEmpty() || title.length() > 200) {
            errors.add(new FieldError("title", "Give a title of 1 to 200 characters."));
        }
        if (d.description() != null && d.description().length() > 4000) {
            errors.add(new FieldError("description", "At most 4000 characters."));
        }
        if (d.category() != null && d.category() != ResourceCategory.INFORMATION && d.unitId() == null) {
            errors.add(new FieldError("unitId", "A " + d.category() + " resource belongs to a learning unit; give its id."));
        }
        if (d.unitId() != null && em.find(LearningUnit.class, d.unitId()) == null) {
            errors.add(new FieldError("unitId", "There is no learning unit " + d.unitId() + "."));
        }
        if (d.category() != null && d.category() != ResourceCategory.INFORMATION && (d.level() != null || d.jobType() != null)) {
            errors.add(new FieldError("level", "Only information resources attach to a level or job type; the unit fixes them."));
        }
        if (d.kind() == ResourceKind.LINK) {
            if (!isWebAddress(d.linkUrl())) {
                errors.add(new FieldError("linkUrl", "A link resource needs an http or https address."));
            }
        } else if (d.linkUrl() != null && !d.linkUrl().isBlank()) {
            errors.add(new FieldError("linkUrl", "Only LINK resources have an address; upload a file for a " + d.kind() + "."));
        }
        if (!errors.isEmpty()) {
            throw PlatformException.invalid("The resource cannot be saved.", errors);
        }
        Resource r = new Resource(d.category(), d.kind(), d.unitId(), d.level(), d.jobType(), title,
                d.description() == null || d.description().isBlank() ? null : d.description().strip(),
                d.kind() == ResourceKind.LINK ? d.linkUrl().strip() : null, caller.accountId(), Instant.now());
        em.persist(r);
        em.flush();
        return view(r, caller);
    }

    @Transactional
    public ResourceView.Page list(Caller caller, Long unitId, ResourceCategory category, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (unitId != null) {
            where.append(" AND r.unitId = :unit");
        }
        if (category != null) {
            where.append(" AND r.category = :category");
        }
        Set<Long> studied = Set.of();
        if (caller.role() == Role.LEARNER) {
            studied = unitsStudiedBy(caller.accountId());
            where.append(" AND r.published IS NOT NULL AND (r.category = :information")
                    .append(studied.isEmpty() ? ")" : " OR (r.category = :learning AND r.unitId IN :studied))");
        }
        TypedQuery<Resource> items = em.createQuery("SELECT r FROM Resource r" + where + " ORDER BY r.id DESC", Resource.class);
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(r) FROM Resource r" + where, Long.class);
        for (TypedQuery<?> q : List.of(items, count)) {
            if (unitId != null) {
                q.setParameter("unit", unitId);
            }
            if (category != null) {
                q.setParameter("category", category);
            }
            if (caller.role() == Role.LEARNER) {
                q.setParameter("information", ResourceCategory.INFORMATION);
                if (!studied.isEmpty()) {
                    q.setParameter("learning", ResourceCategory.LEARNING);
                    q.setParameter("studied", studied);
                }
            }
        }
        List<ResourceView> views = items.setFirstResult(page * size).setMaxResults(size).getResultList().stream()
                .map(r -> view(r, caller)).toList();
        return new ResourceView.Page(views, page, size, count.getSingleResult());
    }

    @Transactional
    public ResourceView get(long id, Caller caller) {
        return view(visible(id, caller), caller);
    }

    /** A new version: its number, its asset id, and the grant to upload its file to media-service. */
    @Transactional
    public UploadTicket newVersion(long id, NewVersion request, Caller caller) {
        Resource r = em.find(Resource.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (r == null) {
            throw PlatformException.notFound("Resource", id);
        }
        if (r.kind() == ResourceKind.LINK) {
            throw PlatformException.conflict("A link resource has no file; change its address instead.");
        }
        List<FieldError> errors = new ArrayList<>();
        if (request == null || request.fileName() == null || request.fileName().isBlank() || request.fileName().length() > 255) {
            errors.add(new FieldError("fileName", "Give the file's name (at most 255 characters)."));
        }
        if (request == null || request.size() == null || request.size() <= 0) {
            errors.add(new FieldError("size", "Give the file's size in bytes; an empty file cannot be a resource."));
        }
        if (!errors.isEmpty()) {
            throw PlatformException.invalid("The version cannot start.", errors);
        }
        int number = em.createQuery("SELECT COALESCE(MAX(v.number), 0) FROM ResourceVersion v WHERE v.resource = :r", Integer.class)
                .setParameter("r", r).getSingleResult() + 1;
        ResourceVersion v = new ResourceVersion(r, number, UUID.randomUUID(), request.fileName().strip(), request.size(),
                caller.accountId(), Instant.now());
        em.persist(v);
        em.flush();
        return uploadTicket(v, caller);
    }

    /** A fresh upload grant for a version whose upload is resumed after the first grant ran out. */
    @Transactional
    public UploadTicket uploadGrant(long id, int number, Caller caller) {
        return uploadTicket(version(id, number), caller);
    }

    @Transactional
    public ResourceView publish(long id, int number, Caller caller) {
        ResourceVersion v = version(id, number);
        Resource r = v.resource();
        v.markPublished(Instant.now());
        r.publish(v);
        return view(r, caller);
    }

    /** The grant and addresses to reach a version's file: the published one, or any for teachers. */
    @Transactional
    public AccessTicket access(long id, Integer number, Caller caller) {
        Resource r = visible(id, caller);
        if (r.kind() == ResourceKind.LINK) {
            throw PlatformException.conflict("This resource is a link: open " + r.linkUrl());
        }
        ResourceVersion v;
        if (number == null) {
            v = r.published();
            if (v == null) {
                throw PlatformException.notFound("Published version of resource", id);
            }
        } else {
            if (!ResourceAccess.maySeeUnpublished(caller.role()) && (r.published() == null || r.published().number() != number)) {
                throw PlatformException.notFound("Version " + number + " of resource", id);
            }
            v = version(id, number);
        }
        return ticket(r, v, caller);
    }

    /**
     * The published assessment resources of these units: the materials of an exam attempt whose paper draws on
     * them. Only {@code Exams} calls this, for a learner's own open attempt.
     */
    @Transactional
    public List<ResourceView> assessmentMaterials(Set<Long> unitIds) {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT r FROM Resource r WHERE r.category = :c AND r.unitId IN :units AND r.published IS NOT NULL ORDER BY r.id",
                        Resource.class).setParameter("c", ResourceCategory.ASSESSMENT).setParameter("units", unitIds).getResultList().stream()
                .map(r -> ResourceView.of(r, null)).toList();
    }

    /**
     * The grant to the published version of an assessment resource for a learner inside an open exam attempt
     * ({@code Exams} checked the attempt; {@code unitIds} are the units its paper draws on, so the resource must be one
     * of its {@link #assessmentMaterials}, else 404): the one way a learner reaches assessment material. The grant is
     * short-lived, like every grant.
     */
    @Transactional
    public AccessTicket examAccess(long id, Set<Long> unitIds, Caller learner) {
        Resource r = em.find(Resource.class, id);
        if (r == null || r.category() != ResourceCategory.ASSESSMENT || r.published() == null || r.unitId() == null
                || !unitIds.contains(r.unitId())) {
            throw PlatformException.notFound("Assessment resource", id);
        }
        if (r.kind() == ResourceKind.LINK) {
            throw PlatformException.conflict("This resource is a link: open " + r.linkUrl());
        }
        return ticket(r, r.published(), learner);
    }

    private AccessTicket ticket(Resource r, ResourceVersion v, Caller caller) {
        MediaTickets.View t = tickets.view(v.assetId(), mediaKind(r), caller);
        return new AccessTicket(r.id(), v.number(), t.assetId(), t.kind(), t.grant(), t.expiresAt(), t.playlistUrl(), t.posterUrl(),
                t.fileUrl(), t.statusUrl(), t.eventsUrl());
    }

    private UploadTicket uploadTicket(ResourceVersion v, Caller caller) {
        MediaTickets.Upload t = tickets.upload(v.assetId(), mediaKind(v.resource()), caller);
        return new UploadTicket(v.resource().id(), v.number(), t.assetId(), t.grant(), t.expiresAt(), t.uploadUrl(), t.statusUrl(),
                t.eventsUrl());
    }

    private ResourceVersion version(long id, int number) {
        return em.createQuery("SELECT v FROM ResourceVersion v WHERE v.resource.id = :id AND v.number = :n", ResourceVersion.class)
                .setParameter("id", id).setParameter("n", number).getResultStream().findFirst()
                .orElseThrow(() -> PlatformException.notFound("Version " + number + " of resource", id));
    }

    /** The resource if the caller may see it; otherwise 404, so that a learner cannot probe for ids. */
    private Resource visible(long id, Caller caller) {
        Resource r = em.find(Resource.class, id);
        if (r == null || !ResourceAccess.maySee(caller.role(), r.category(),
                caller.role() == Role.LEARNER && r.unitId() != null && unitsStudiedBy(caller.accountId()).contains(r.unitId()))
                || (!ResourceAccess.maySeeUnpublished(caller.role()) && r.published() == null)) {
            throw PlatformException.notFound("Resource", id);
        }
        return r;
    }

    /** Units in the plans of the learner's active classes. */
    Set<Long> unitsStudiedBy(long learnerId) {
        return classes.activeClassesByUnit(learnerId).keySet();
    }

    private ResourceView view(Resource r, Caller caller) {
        List<ResourceVersion> versions = ResourceAccess.maySeeUnpublished(caller.role())
                ? em.createQuery("SELECT v FROM ResourceVersion v WHERE v.resource = :r ORDER BY v.number", ResourceVersion.class)
                        .setParameter("r", r).getResultList()
                : null;
        return ResourceView.of(r, versions);
    }

    private static String mediaKind(Resource r) {
        return r.kind().name();
    }

    private static boolean isWebAddress(String s) {
        if (s == null || s.isBlank() || s.length() > 2000) {
            return false;
        }
        try {
            URI u = URI.create(s.strip());
            return ("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
