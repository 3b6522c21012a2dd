package cn.imtp.lms.documents;

import cn.imtp.platform.text.Language;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;

/**
 * Who reads a document, as far as its language goes: {@code ?lang=zh|en} (a link someone shares), else the
 * {@code Accept-Language} the pages send with the language chosen in their header. Every export and PDF takes it as a
 * {@code @BeanParam}.
 */
public class Reader {

    @QueryParam("lang")
    String lang;

    @HeaderParam("Accept-Language")
    String acceptLanguage;

    public Language language() {
        return Language.of(lang, acceptLanguage);
    }
}
