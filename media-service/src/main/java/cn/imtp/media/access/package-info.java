/**
 * Who may touch an asset: the grant lms-web signed (view, upload or face scope), checked on every request, with
 * revocations read from the database so that a released asset answers 410 on every node at once.
 */
package cn.imtp.media.access;
