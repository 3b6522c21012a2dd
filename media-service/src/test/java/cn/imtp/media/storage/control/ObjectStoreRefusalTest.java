package cn.imtp.media.storage.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.imtp.platform.text.Words;
import org.junit.jupiter.api.Test;

class ObjectStoreRefusalTest {

    @Test
    void aRefusalSaysWhatItMeansForTheUploadInBothLanguages() {
        Words gone = ObjectStore.refusal("NoSuchUpload", "complete the upload");
        assertTrue(gone.zh().contains("重新选择文件上传") && gone.en().contains("upload it again"), gone.toString());
        Words part = ObjectStore.refusal("InvalidPart", "complete the upload");
        assertTrue(part.zh().contains("分片") && part.en().contains("resume the upload"), part.toString());
    }

    @Test
    void anUnknownRefusalNamesItsCodeButNotTheStoragesOwnWords() {
        String other = ObjectStore.refusal("AccessDenied", "store a part").toString();
        assertTrue(other.contains("AccessDenied") && other.contains("联系管理员"), other);
        assertFalse(other.contains("http") || other.contains("Exception"), other);
        String none = ObjectStore.refusal(null, "store a part").toString();
        assertFalse(
                none.contains("（）") || none.contains("()") || none.contains("null)"),
                "no code at all still reads as a sentence: " + none);
    }
}
