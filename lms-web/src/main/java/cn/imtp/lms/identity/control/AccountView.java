package cn.imtp.lms.identity.control;

import cn.imtp.lms.identity.entity.Account;
import cn.imtp.lms.identity.entity.IdDocumentType;
import cn.imtp.platform.security.Role;
import java.time.Instant;

/** An account as anyone but its revealing administrator sees it: identity number and phone masked. */
public record AccountView(
        long id,
        String username,
        Role role,
        String fullName,
        IdDocumentType idType,
        String idNumberMasked,
        String phoneMasked,
        boolean disabled,
        boolean mustChangePassword,
        Instant createdAt) {

    public static AccountView of(Account a) {
        return new AccountView(
                a.id(),
                a.username(),
                a.role(),
                a.fullName(),
                a.idType(),
                IdDocuments.mask(a.idNumber()),
                IdDocuments.maskPhone(a.phone()),
                a.disabled(),
                a.mustChangePassword(),
                a.createdAt());
    }
}
