package cn.imtp.lms.identity.boundary;

import cn.imtp.lms.documents.ExportTable;
import cn.imtp.lms.documents.Exports;
import cn.imtp.lms.documents.Reader;
import cn.imtp.lms.identity.control.AccountView;
import cn.imtp.lms.identity.control.Accounts;
import cn.imtp.lms.identity.control.IdDocuments;
import cn.imtp.lms.identity.control.NewAccount;
import cn.imtp.platform.problem.PlatformException;
import cn.imtp.platform.security.Allow;
import cn.imtp.platform.security.Caller;
import cn.imtp.platform.security.Role;
import cn.imtp.platform.text.Language;
import cn.imtp.platform.text.Words;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Account administration: administrators only. */
@Path("accounts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Allow(Role.ADMINISTRATOR)
public class AccountsResource {

    public record Reveal(String reason) {}

    public record RevealedIdNumber(long accountId, String idNumber) {}

    public record TemporaryPassword(long accountId, String temporaryPassword) {}

    @Inject
    Accounts accounts;

    @Inject
    RequestOrigin origin;

    @Context
    SecurityContext security;

    @Context
    HttpServletRequest http;

    @Context
    UriInfo uri;

    @GET
    public Accounts.Page list(
            @QueryParam("role") Role role,
            @QueryParam("q") String q,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        PlatformException.checkPage(page, size);
        return accounts.list(role, q, page, size);
    }

    /** Creates an account; without a password the response carries a temporary one, shown only here. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(NewAccount account) {
        if (account == null) {
            throw PlatformException.invalid(new Words("请以 JSON 格式发送账号信息。", "Send the account as JSON."), List.of());
        }
        Accounts.Created created = accounts.create(account, Caller.of(security), origin.addressOf(http));
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(Long.toString(created.account().id()))
                        .build())
                .entity(created)
                .build();
    }

    @GET
    @Path("{id}")
    public AccountView get(@PathParam("id") long id) {
        return accounts.view(id);
    }

    /** A new temporary password that must be changed at the next sign-in; earlier tokens stop working. */
    @POST
    @Path("{id}/password-reset")
    public TemporaryPassword resetPassword(@PathParam("id") long id) {
        return new TemporaryPassword(id, accounts.resetPassword(id, Caller.of(security), origin.addressOf(http)));
    }

    /** Disables the account; its tokens stop working at once. */
    @POST
    @Path("{id}/disable")
    public AccountView disable(@PathParam("id") long id) {
        return accounts.setDisabled(id, true, Caller.of(security), origin.addressOf(http));
    }

    @POST
    @Path("{id}/enable")
    public AccountView enable(@PathParam("id") long id) {
        return accounts.setDisabled(id, false, Caller.of(security), origin.addressOf(http));
    }

    /** The unmasked identity number, for a stated reason; written to the audit log. */
    @POST
    @Path("{id}/id-number/reveal")
    @Consumes(MediaType.APPLICATION_JSON)
    public RevealedIdNumber reveal(@PathParam("id") long id, Reveal reveal) {
        return new RevealedIdNumber(
                id,
                accounts.revealIdNumber(
                        id, reveal == null ? null : reveal.reason(), Caller.of(security), origin.addressOf(http)));
    }

    /** All accounts (optionally of one role) as CSV or XLSX, identity numbers and phones masked; written to the audit log. */
    @GET
    @Path("export")
    @Produces({Exports.CSV, Exports.XLSX})
    public Response export(
            @QueryParam("role") Role role,
            @QueryParam("format") @DefaultValue("csv") String format,
            @BeanParam Reader reader) {
        ExportTable.Format f = Exports.format(format);
        Language language = reader.language();
        List<List<Object>> rows = new ArrayList<>();
        for (AccountView a : accounts.exportAll(role, Caller.of(security), origin.addressOf(http))) {
            rows.add(Arrays.asList(
                    a.username(),
                    role(a.role()),
                    a.fullName(),
                    a.idType() == null ? "" : IdDocuments.label(a.idType()),
                    a.idNumberMasked(),
                    a.phoneMasked(),
                    Words.yesNo(a.disabled())));
        }
        return Exports.download(
                List.of(new ExportTable(
                        new Words("账号", "Accounts"),
                        List.of(
                                new Words("账号", "username"),
                                new Words("角色", "role"),
                                new Words("姓名", "full name"),
                                new Words("证件类型", "ID type"),
                                new Words("证件号码", "ID number"),
                                new Words("手机号", "phone"),
                                new Words("已停用", "disabled")),
                        rows)),
                f,
                "accounts",
                language);
    }

    private static Words role(Role role) {
        return switch (role) {
            case LEARNER -> new Words("学员", "learner");
            case TEACHER -> new Words("教师", "teacher");
            case ADMINISTRATOR -> new Words("管理员", "administrator");
        };
    }
}
