/**
 * Presence checks (face) in classes that ask for them: consent and reference photo, checks scheduled by the server in
 * each playback session and each live-lesson session, credit held while a check is due and withheld when one fails
 * (through attendance's {@code CreditHolds}, which hands a live session's credit to the live feature), reviews and other
 * verifications.
 * The face comparison itself is media-service's ({@code cn.imtp.media.vision}); this feature calls it over HTTP.
 */
package cn.imtp.lms.presence;
