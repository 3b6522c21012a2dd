package cn.imtp.media.asset.entity;

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

    public boolean isFinal() {
        return this == READY || this == FAILED || this == REJECTED || this == ABANDONED || this == DELETED;
    }
}
