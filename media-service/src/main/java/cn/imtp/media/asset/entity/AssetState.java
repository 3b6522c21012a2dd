package cn.imtp.media.asset.entity;

import cn.imtp.platform.text.Words;

/**
 * UPLOADING → (REJECTED | PROCESSING → READY | FAILED); UPLOADING → ABANDONED when the upload is left
 * unfinished. Documents and images go from UPLOADING straight to READY. Any state but PROCESSING → DELETED once
 * lms-web released the asset (a recording replaced by a newer one) and its files were removed from storage.
 */
public enum AssetState {
    UPLOADING,
    PROCESSING,
    READY,
    FAILED,
    REJECTED,
    ABANDONED,
    DELETED;

    /** What the state is called for people (never the code), as it stands after "状态：" / "state: ". */
    public Words words() {
        return switch (this) {
            case UPLOADING -> new Words("上传中", "uploading");
            case PROCESSING -> new Words("转码中", "transcoding");
            case READY -> new Words("已就绪", "ready");
            case FAILED -> new Words("转码失败", "transcoding failed");
            case REJECTED -> new Words("未通过检查", "refused by the checks");
            case ABANDONED -> new Words("上传未完成", "upload left unfinished");
            case DELETED -> new Words("已删除", "deleted");
        };
    }

    public boolean isFinal() {
        return this == READY || this == FAILED || this == REJECTED || this == ABANDONED || this == DELETED;
    }
}
