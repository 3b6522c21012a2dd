package cn.imtp.media.asset.entity;

/**
 * UPLOADING → (REJECTED | PROCESSING → READY | FAILED); UPLOADING → ABANDONED when the upload is left
 * unfinished. Documents and images go from UPLOADING straight to READY.
 */
public enum AssetState {
    UPLOADING, PROCESSING, READY, FAILED, REJECTED, ABANDONED;

    public boolean isFinal() {
        return this == READY || this == FAILED || this == REJECTED || this == ABANDONED;
    }
}
