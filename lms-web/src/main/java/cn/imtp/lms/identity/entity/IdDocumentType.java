package cn.imtp.lms.identity.entity;

/** Identity documents a learner may register with (实名制). */
public enum IdDocumentType {
    /** 居民身份证 */
    MAINLAND_ID_CARD,
    /** 护照 */
    PASSPORT,
    /** 港澳居民来往内地通行证 */
    HK_MACAO_TRAVEL_PERMIT,
    /** 台湾居民来往大陆通行证 */
    TAIWAN_TRAVEL_PERMIT
}
