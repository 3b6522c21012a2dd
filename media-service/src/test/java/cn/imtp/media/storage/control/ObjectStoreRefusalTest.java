package cn.imtp.media.storage.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ObjectStoreRefusalTest {

    @Test
    void aRefusalSaysWhatItMeansForTheUploadInBothLanguages() {
        String gone = ObjectStore.refusal("NoSuchUpload", "complete the upload");
        assertTrue(gone.contains("重新选择文件上传") && gone.contains("upload it again"), gone);
        String part = ObjectStore.refusal("InvalidPart", "complete the upload");
        assertTrue(part.contains("分片") && part.contains("resume the upload"), part);
    }

    @Test
    void anUnknownRefusalNamesItsCodeButNotTheStoragesOwnWords() {
        String other = ObjectStore.refusal("AccessDenied", "store a part");
        assertTrue(other.contains("AccessDenied") && other.contains("联系管理员"), other);
        assertFalse(other.contains("http") || other.contains("Exception"), other);
        String none = ObjectStore.refusal(null, "store a part");
        assertFalse(none.contains("null") || none.contains("（）") || none.contains("()"), "no code at all still reads as a sentence: " + none);
    }
}
