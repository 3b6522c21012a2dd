package cn.imtp.lms.identity.control;

import cn.imtp.lms.identity.entity.IdDocumentType;
import cn.imtp.platform.security.Role;

/**
 * An account an administrator creates. Without a password, a temporary one is generated and must be
 * changed at the first sign-in. Learners must give their identity document and phone (实名制).
 * {@link Accounts#create} checks every field and reports all problems at once. (No Bean Validation
 * annotations on records: Payara's OpenAPI generator fails on them.)
 */
public record NewAccount(
        String username,
        Role role,
        String fullName,
        String password,
        IdDocumentType idType,
        String idNumber,
        String phone) {}
