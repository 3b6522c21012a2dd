package cn.imtp.lms.presence.control;

import cn.imtp.lms.identity.control.Accounts;
import cn.imtp.lms.identity.entity.Account;
import cn.imtp.platform.problem.FieldError;
import cn.imtp.platform.problem.PlatformException;
import cn.imtp.platform.security.Caller;
import cn.imtp.platform.security.Role;
import cn.imtp.platform.text.Language;
import cn.imtp.platform.text.Words;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * An administrator's bulk import of reference photos: a ZIP of {@code <user name>.jpg} (or .jpeg, .png, .webp) files,
 * each matched to a learner's account and enrolled on its own (one photo's failure never undoes another's), with a
 * report line per file: enrolled, or why not (no such learner, no consent yet, the photo is not usable, not an image).
 */
@ApplicationScoped
public class PhotoImport {

    /**
     * One file of the import and what became of it ({@code ENROLLED}, {@code NO_LEARNER}, {@code NO_CONSENT}, {@code REFUSED});
     * {@code detail}, why not, in both languages.
     */
    public record Line(String file, String username, String result, Words detail) {}

    static final int MAX_FILES = 1000;

    @Inject
    Presence presence;

    @Inject
    Accounts accounts;

    public List<Line> importZip(byte[] zip, Caller admin, String address) {
        List<Line> report = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                if (e.isDirectory() || e.getName().startsWith("__MACOSX/")) {
                    continue;
                }
                if (report.size() >= MAX_FILES) {
                    throw PlatformException.invalid(
                            new Words(
                                    "一次最多导入 " + MAX_FILES + " 张照片，请分批导入。",
                                    "At most " + MAX_FILES + " photos per import."),
                            List.of(new FieldError(
                                    "body",
                                    new Words("超过 " + MAX_FILES + " 个文件", "more than " + MAX_FILES + " files"))));
                }
                String file = e.getName().substring(e.getName().lastIndexOf('/') + 1);
                byte[] photo = in.readNBytes((1 << 20) + 1);
                report.add(one(file, photo, admin, address));
            }
        } catch (IOException e) {
            throw PlatformException.invalid(
                    new Words("上传的不是有效的 ZIP 文件。", "The upload is not a valid ZIP file."),
                    List.of(new FieldError("body", new Words("不是 ZIP 文件", "not a ZIP"))));
        }
        if (report.isEmpty()) {
            throw PlatformException.invalid(
                    new Words("ZIP 中没有照片：文件名应为“用户名.jpg”。", "The ZIP holds no photo: name each file <user name>.jpg."),
                    List.of(new FieldError("body", new Words("没有文件", "no files"))));
        }
        return report;
    }

    private Line one(String file, byte[] photo, Caller admin, String address) {
        int dot = file.lastIndexOf('.');
        String ext = dot < 0 ? "" : file.substring(dot + 1).toLowerCase(Locale.ROOT);
        String username = dot < 0 ? file : file.substring(0, dot);
        String type = switch (ext) {
            case "jpg", "jpeg" -> "image/jpeg";
            case "png" -> "image/png";
            case "webp" -> "image/webp";
            default -> null;
        };
        if (type == null) {
            return new Line(
                    file,
                    username,
                    "REFUSED",
                    new Words("不是照片文件（应为 .jpg、.png 或 .webp）。", "Not a photo file (.jpg, .png or .webp)."));
        }
        if (photo.length > 1 << 20) {
            return new Line(file, username, "REFUSED", new Words("照片超过 1 MB。", "The photo is larger than 1 MB."));
        }
        Optional<Account> learner = accounts.byUsername(username).filter(a -> a.role() == Role.LEARNER);
        if (learner.isEmpty()) {
            return new Line(file, username, "NO_LEARNER", new Words("没有这个用户名的学员。", "No learner has this user name."));
        }
        try {
            presence.enrol(learner.get().id(), photo, type, admin, address);
            return new Line(file, username, "ENROLLED", null);
        } catch (PlatformException p) {
            return new Line(
                    file,
                    username,
                    p.status() == 409 ? "NO_CONSENT" : "REFUSED",
                    new Words(p.detail(Language.ZH), p.detail(Language.EN)));
        }
    }
}
